using EventExtractor.Text;

namespace EventExtractor.Tests.Text;

/// <summary>The tokenizer's cases for English news, one row a case; tokens are written joined by " | ".</summary>
public sealed class TokenizerTests
{
    private static string Tokens(string text) => string.Join(" | ", Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]));

    [Theory]
    // Abbreviations keep their period.
    [InlineData("U.S.", "U.S. forces", "U.S. | forces")]
    [InlineData("U.N.", "the U.N. envoy", "the | U.N. | envoy")]
    [InlineData("Gen.", "Gen. Suheil al-Hassan", "Gen. | Suheil | al | - | Hassan")]
    [InlineData("Lt. Col.", "Lt. Col. Ahmed", "Lt. | Col. | Ahmed")]
    [InlineData("Brig.", "Brig. Gen. Issam Zahreddine", "Brig. | Gen. | Issam | Zahreddine")]
    [InlineData("Maj.", "Maj. Gen. Milyukhin", "Maj. | Gen. | Milyukhin")]
    [InlineData("Capt.", "Capt. Smith", "Capt. | Smith")]
    [InlineData("Sgt.", "Sgt. Jones", "Sgt. | Jones")]
    [InlineData("Dr.", "Dr. Anwar", "Dr. | Anwar")]
    [InlineData("Mr.", "Mr. Putin", "Mr. | Putin")]
    [InlineData("Mrs.", "Mrs. May", "Mrs. | May")]
    [InlineData("St.", "St. Petersburg", "St. | Petersburg")]
    [InlineData("Jan.", "on Jan. 5", "on | Jan. | 5")]
    [InlineData("Feb.", "Feb. 28", "Feb. | 28")]
    [InlineData("Aug.", "Aug. 24, 2016", "Aug. | 24 | , | 2016")]
    [InlineData("Sept.", "Sept. 30", "Sept. | 30")]
    [InlineData("Oct.", "Oct. 17", "Oct. | 17")]
    [InlineData("Nov.", "Nov. 9", "Nov. | 9")]
    [InlineData("Dec.", "Dec. 1", "Dec. | 1")]
    [InlineData("No.", "Resolution No. 2254", "Resolution | No. | 2254")]
    [InlineData("no. only before a number", "said no. Then", "said | no | . | Then")]
    [InlineData("vs.", "Iraq vs. ISIS", "Iraq | vs. | ISIS")]
    [InlineData("e.g.", "towns, e.g. Hit", "towns | , | e.g. | Hit")]
    [InlineData("i.e.", "i.e. the city", "i.e. | the | city")]
    [InlineData("a.m.", "at 5 a.m. local", "at | 5 | a.m. | local")]
    [InlineData("p.m.", "at 9 p.m. on", "at | 9 | p.m. | on")]
    [InlineData("Inc.", "Acme Inc. said", "Acme | Inc. | said")]
    [InlineData("Ltd.", "Acme Ltd. said", "Acme | Ltd. | said")]
    [InlineData("initial", "George W. Bush", "George | W. | Bush")]
    // Possessives and apostrophes.
    [InlineData("possessive straight", "Syria's army", "Syria | 's | army")]
    [InlineData("possessive curly", "Syria’s army", "Syria | ’s | army")]
    [InlineData("apostrophe in a name", "Al Qa'im", "Al | Qa'im")]
    [InlineData("curly apostrophe in a name", "Ma’arat al-Numan", "Ma’arat | al | - | Numan")]
    [InlineData("possessive after a name with an apostrophe", "Qa'im's bridge", "Qa'im | 's | bridge")]
    [InlineData("plural possessive", "the rebels' positions", "the | rebels | ' | positions")]
    [InlineData("contraction n't", "ISIS didn't retreat", "ISIS | did | n't | retreat")]
    [InlineData("contraction 're after a pronoun", "they're gone", "they | 're | gone")]
    [InlineData("'d in a name stays", "Sa'd al-Din", "Sa'd | al | - | Din")]
    // Hyphens: one policy, shared with the gazetteer.
    [InlineData("hyphenated name", "Al-Qaim", "Al | - | Qaim")]
    [InlineData("transliterated article", "Deir ez-Zor", "Deir | ez | - | Zor")]
    [InlineData("al- in a person name", "Bashar al-Assad", "Bashar | al | - | Assad")]
    [InlineData("acronym then hyphen", "a U.S.-led coalition", "a | U.S. | - | led | coalition")]
    [InlineData("compound adjective", "Kurdish-led fighters", "Kurdish | - | led | fighters")]
    [InlineData("compound adjective 2", "oil-rich province", "oil | - | rich | province")]
    [InlineData("hyphen before a digit stays", "an F-16 jet", "an | F-16 | jet")]
    [InlineData("number-hyphen-word", "a 10-year-old boy", "a | 10 | - | year | - | old | boy")]
    [InlineData("designators keep a hyphen before a digit", "Su-24 and T-4 and COVID-19", "Su-24 | and | T-4 | and | COVID-19")]
    [InlineData("lowercase prefix before a year splits", "in mid-2017 and pre-2011", "in | mid | - | 2017 | and | pre | - | 2011")]
    // Quotes, brackets, dashes, ellipses.
    [InlineData("straight quotes", "its \"caliphate.\"", "its | \" | caliphate | . | \"")]
    [InlineData("curly quotes", "its “caliphate”", "its | “ | caliphate | ”")]
    [InlineData("single quotes", "the 'caliphate'", "the | ' | caliphate | '")]
    [InlineData("parentheses", "Thursday (November 9)", "Thursday | ( | November | 9 | )")]
    [InlineData("em dash", "ISIS—the group", "ISIS | — | the | group")]
    [InlineData("en dash range", "2012–2016", "2012 | – | 2016")]
    [InlineData("double hyphen", "town -- the last", "town | -- | the | last")]
    [InlineData("ellipsis dots", "and then... nothing", "and | then | ... | nothing")]
    [InlineData("ellipsis char", "and then… nothing", "and | then | … | nothing")]
    // Numbers, times, dates.
    [InlineData("thousands", "1,200 fighters", "1,200 | fighters")]
    [InlineData("decimal", "3.5 km", "3.5 | km")]
    [InlineData("unit attached", "25km south", "25 | km | south")]
    [InlineData("ordinal", "the 3rd Corps", "the | 3rd | Corps")]
    [InlineData("ordinal 21st", "21st Brigade", "21st | Brigade")]
    [InlineData("time", "at 10:30", "at | 10:30")]
    [InlineData("ISO date", "on 2017-11-09.", "on | 2017-11-09 | .")]
    [InlineData("slash date", "on 11/9/2017", "on | 11/9/2017")]
    [InlineData("percentage", "45% of", "45 | % | of")]
    [InlineData("currency", "$1.5 billion", "$ | 1.5 | billion")]
    [InlineData("decade", "the 1990s", "the | 1990s")]
    [InlineData("number at sentence end", "in 2014.", "in | 2014 | .")]
    // Web text.
    [InlineData("URL", "see https://example.org/a_b?c=d.", "see | https://example.org/a_b?c=d | .")]
    [InlineData("URL in parentheses", "(www.reuters.com)", "( | www.reuters.com | )")]
    [InlineData("e-mail", "write to press@un.org.", "write | to | press@un.org | .")]
    [InlineData("hashtag", "#Raqqa is", "#Raqqa | is")]
    [InlineData("handle", "@SDF_Press said", "@SDF_Press | said")]
    [InlineData("emoji with skin tone", "ok 👍🏽 done", "ok | 👍🏽 | done")]
    [InlineData("flag emoji", "🇸🇾 Syria", "🇸🇾 | Syria")]
    [InlineData("emoji with variation selector", "❤️ Aleppo", "❤️ | Aleppo")]
    // Headlines and datelines.
    [InlineData("all-caps headline", "ISIS LOSES LAST TOWN", "ISIS | LOSES | LAST | TOWN")]
    [InlineData("dateline", "BEIRUT (Reuters) - Syria's army", "BEIRUT | ( | Reuters | ) | - | Syria | 's | army")]
    [InlineData("Arabic script", "دير الزور", "دير | الزور")]
    public void Tokenizes(string name, string text, string expected)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n  ")]
    [InlineData("\0\0\u0001\u0007")]
    public void Empty_whitespace_and_control_only_text_has_no_tokens(string text) => Assert.Empty(Tokenizer.Tokenize(text));

    [Fact]
    public void A_lone_surrogate_is_kept_as_its_own_token()
    {
        var text = "Raqqa\uD800 fell";
        Assert.Equal("Raqqa | \uD800 | fell", Tokens(text));
    }

    [Fact]
    public void NUL_and_control_characters_separate_tokens()
    {
        Assert.Equal("Raqqa | fell", Tokens("Raqqa\0fell"));
    }
}
