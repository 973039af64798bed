using EventExtractor.Text;

namespace EventExtractor.Tests.Text;

/// <summary>Sentence boundaries in news text, one row a case; sentences are written joined by " || ".</summary>
public sealed class SentenceSplitterTests
{
    private static string Sentences(string text)
    {
        var doc = Document.Create("t", text);
        return string.Join(" || ", Enumerable.Range(0, doc.Sentences.Length).Select(doc.SentenceText));
    }

    [Theory]
    [InlineData("plain", "The army advanced. ISIS withdrew.", "The army advanced. || ISIS withdrew.")]
    [InlineData("U.S. inside", "U.S. forces arrived. They left.", "U.S. forces arrived. || They left.")]
    [InlineData("U.S. ends a sentence", "Troops came from the U.S. The army left.", "Troops came from the U.S. || The army left.")]
    [InlineData("U.N. before a name", "The U.N. Security Council met.", "The U.N. Security Council met.")]
    [InlineData("title", "Gen. Hassan led it. Then it ended.", "Gen. Hassan led it. || Then it ended.")]
    [InlineData("Lt. Col.", "Lt. Col. Ahmed spoke. He left.", "Lt. Col. Ahmed spoke. || He left.")]
    [InlineData("Brig. Gen.", "Brig. Gen. Zahreddine died in Deir ez-Zor.", "Brig. Gen. Zahreddine died in Deir ez-Zor.")]
    [InlineData("Dr. and Mr.", "Dr. Ali met Mr. Smith.", "Dr. Ali met Mr. Smith.")]
    [InlineData("St.", "He went to St. Petersburg.", "He went to St. Petersburg.")]
    [InlineData("month abbreviation", "On Nov. 9 the town fell.", "On Nov. 9 the town fell.")]
    [InlineData("Sept.", "By Sept. 30 it was over.", "By Sept. 30 it was over.")]
    [InlineData("No.", "Resolution No. 2254 passed.", "Resolution No. 2254 passed.")]
    [InlineData("vs.", "Iraq vs. ISIS was long.", "Iraq vs. ISIS was long.")]
    [InlineData("e.g.", "Towns, e.g. Hit, fell.", "Towns, e.g. Hit, fell.")]
    [InlineData("i.e.", "The east, i.e. Deir ez-Zor, fell.", "The east, i.e. Deir ez-Zor, fell.")]
    [InlineData("a.m. mid-sentence", "At 5 a.m. Monday troops moved.", "At 5 a.m. Monday troops moved.")]
    [InlineData("p.m. ends a sentence", "It fell at 9 p.m. The army cheered.", "It fell at 9 p.m. || The army cheered.")]
    [InlineData("Inc.", "Acme Inc. sold arms. It denied it.", "Acme Inc. sold arms. || It denied it.")]
    [InlineData("Ltd.", "Acme Ltd. said so.", "Acme Ltd. said so.")]
    [InlineData("initials", "George W. Bush spoke.", "George W. Bush spoke.")]
    [InlineData("quote after period", "He said \"we won.\" Then he left.", "He said \"we won.\" || Then he left.")]
    [InlineData("curly quote after period", "He said “we won.” Then he left.", "He said “we won.” || Then he left.")]
    [InlineData("question and exclamation", "Who won? ISIS lost! The end.", "Who won? || ISIS lost! || The end.")]
    [InlineData("question mark in a quote", "\"Why?\" he asked.", "\"Why?\" he asked.")]
    [InlineData("ellipsis then capital", "It fell... The army won.", "It fell... || The army won.")]
    [InlineData("ellipsis mid-sentence", "It fell... and then won.", "It fell... and then won.")]
    [InlineData("decimal not a boundary", "It is 3.5 km away.", "It is 3.5 km away.")]
    [InlineData("lowercase after period", "The approx. total is high.", "The approx. total is high.")]
    [InlineData("no final period", "The army advanced", "The army advanced")]
    [InlineData("paragraph break", "Headline\n\nThe army advanced.", "Headline || The army advanced.")]
    [InlineData("paragraph break without punctuation", "The army advanced\n\nISIS fled", "The army advanced || ISIS fled")]
    [InlineData("Windows line breaks", "First line.\r\n\r\nSecond line.", "First line. || Second line.")]
    [InlineData("Windows single break in a sentence", "The Syrian army\r\nadvanced on Raqqa.", "The Syrian army\r\nadvanced on Raqqa.")]
    [InlineData("wrapped line is not a boundary", "The capture of the key town of Al-Qaim and a nearby border crossing\non November 3 left Rawa.", "The capture of the key town of Al-Qaim and a nearby border crossing\non November 3 left Rawa.")]
    [InlineData("headline on its own line", "ISIS LOSES ALBU KAMAL\nSyria's army announced the capture.", "ISIS LOSES ALBU KAMAL || Syria's army announced the capture.")]
    [InlineData("Markdown heading", "## Offensive\nThe army advanced.", "## Offensive || The army advanced.")]
    [InlineData("Markdown image line", "![Khan Shaykhun (March 15 2013)](https://example.org/a.png)\nThe army advanced.", "![Khan Shaykhun (March 15 2013)](https://example.org/a.png) || The army advanced.")]
    [InlineData("list items", "Holdouts:\n- Rawa\n- Yarmuk camp", "Holdouts: || - Rawa || - Yarmuk camp")]
    [InlineData("dateline", "BEIRUT (Reuters) - Syria's army took Albu Kamal. ISIS fled.", "BEIRUT (Reuters) - Syria's army took Albu Kamal. || ISIS fled.")]
    [InlineData("parenthesis then period", "It fell (on Thursday). Then more.", "It fell (on Thursday). || Then more.")]
    [InlineData("number starts a sentence", "It ended in 2014. 2015 was calm.", "It ended in 2014. || 2015 was calm.")]
    [InlineData("all caps", "ISIS LOSES LAST TOWN. ARMY ADVANCES.", "ISIS LOSES LAST TOWN. || ARMY ADVANCES.")]
    public void Splits(string name, string text, string expected)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void The_seed_article_splits_into_its_fourteen_sentences()
    {
        var path = TestData.SeedArticlePath;
        var doc = Document.Create("seed", File.ReadAllText(path));
        Assert.Equal(14, doc.Sentences.Length);
        Assert.StartsWith("Syria's army announced Thursday (November 9)", doc.SentenceText(2));
        Assert.EndsWith("caliphate.\"", doc.SentenceText(2));
        Assert.StartsWith("The capture of the key town of Al-Qaim", doc.SentenceText(11));
    }
}
