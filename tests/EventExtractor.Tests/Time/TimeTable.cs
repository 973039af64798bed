using System.Globalization;
using EventExtractor.Text;
using EventExtractor.Time;

namespace EventExtractor.Tests.Time;

/// <summary>
/// The expression table: fragments of real text (shared/data/wikipedia/syria-iraq/*.md, CC BY-SA 4.0, and the seed
/// article), each with the publication date used and the expected result. Rows marked "constructed" cover a format
/// the corpus lacks; their wording is adapted from the seed article.
/// </summary>
/// <remarks>
/// Expected: "yyyy-MM-dd" (exactly that day); "yyyy-MM-dd..yyyy-MM-dd precision" (a period); "null precision"
/// (a mention whose date the text does not pin); "none" (no mention may overlap the target).
/// Target: the mention's exact text; "text#2" for its second occurrence.
/// </remarks>
public static class TimeTable
{
    public const string Seed = "@seed";

    public static string SeedPath => Path.Combine(SharedDir(), "seeds", "isis-left-clinging-to-scraps.txt");

    /// <summary>The shared data folder (<see cref="TestData.SharedDir"/>).</summary>
    public static string SharedDir() => TestData.SharedDir ?? throw new DirectoryNotFoundException("shared data folder not found; set EVENTX_SHARED");

    public static readonly object?[][] Rows =
    [
        // ---- the seed article (no publication date: the year is inferred) ----
        ["seed: Thursday (November 9), no publication date", Seed, null, "Thursday (November 9)", "2017-11-09"],
        ["seed: November 3 takes the inferred year", Seed, null, "November 3", "2017-11-03"],
        ["seed: Thursday's loss = the anchor day", Seed, null, "Thursday#2", "2017-11-09"],
        ["seed: in 2014", Seed, null, "2014", "2014-01-01..2014-12-31 year"],
        ["seed: in 2003", Seed, null, "2003", "2003-01-01..2003-12-31 year"],
        ["seed: of IS in 2014 (second)", Seed, null, "2014#2", "2014-01-01..2014-12-31 year"],
        ["seed with publication date: Thursday (November 9)", Seed, "2017-11-10", "Thursday (November 9)", "2017-11-09"],
        ["seed with publication date: Thursday's", Seed, "2017-11-10", "Thursday#2", "2017-11-09"],
        ["seed with publication date: November 3", Seed, "2017-11-10", "November 3", "2017-11-03"],
        ["seed: the title has no date", Seed, null, "Isis Left Clinging", "none"],

        // ---- weekdays against a publication date ----
        ["weekday equal to the publication day", "After Thursday's loss of the town of Albu Kamal on the border with Iraq, ISIS is left in control of some two dozen desert villages", "2017-11-09", "Thursday", "2017-11-09"],
        ["weekday: the latest Thursday before a Wednesday", "After Thursday's loss of the town of Albu Kamal on the border with Iraq, ISIS is left in control of some two dozen desert villages", "2017-11-15", "Thursday", "2017-11-09"],
        ["weekday a week back exactly", "After Thursday's loss of the town of Albu Kamal on the border with Iraq", "2017-11-16", "Thursday", "2017-11-16"],
        ["constructed: last Thursday on a Thursday is a week back", "Syria's army announced last Thursday the capture of the last town held by the Islamic State", "2017-11-16", "last Thursday", "2017-11-09"],
        ["constructed: last Thursday on a Monday", "Syria's army announced last Thursday the capture of the last town held by the Islamic State", "2017-11-13", "last Thursday", "2017-11-09"],
        ["said Thursday", "airstrikes likely carried out by Israel killed at least 19 pro-Iran militia fighters in war-torn eastern Syria, a war monitor said Thursday.", "2024-02-10", "Thursday", "2024-02-08"],
        ["said Friday", "took part in the offensive, an opposition spokesman said Friday. They say they've seized control of buildings", "2015-04-27", "Friday", "2015-04-24"],
        ["abducted Monday", "350 families from Najafia who were abducted Monday by ISIL, who could be used as human shields.", "2014-09-10", "Monday", "2014-09-08"],
        ["early Thursday morning", "the Israel Air Force reportedly attacked an Iranian arms depot near the Damascus International Airport early Thursday morning.", "2018-01-13", "Thursday", "2018-01-11"],
        ["weekday without any anchor", "airstrikes likely carried out by Israel killed at least 19 pro-Iran militia fighters in war-torn eastern Syria, a war monitor said Thursday.", null, "Thursday", "null day"],
        ["weekday with full date", "On Thursday 20 November 2003, an article published", null, "Thursday 20 November 2003", "2003-11-20"],
        ["weekday, comma, full date", "* Allen, Mike and Juliet Eilperin. Monday, 26 August 2002. Page A01 *The Washington Post*", null, "Monday, 26 August 2002", "2002-08-26"],
        ["Sunday Times is a name", "Citing Middle East intelligence sources, *Sunday Times* claimed that the explosions were the result of a cruise missile", "2013-07-14", "Sunday", "none"],
        ["Friday prayers is not a date", "In another instance it was waved after Friday prayers.", "2013-07-14", "Friday", "none"],

        // ---- relative to the publication date ----
        ["yesterday", "we usually see what is happening there with binoculars, and at some point yesterday armored vehicles entered it", "2018-04-10", "yesterday", "2018-04-09"],
        ["today", "The Syrian and Russian air forces resumed their airstrikes over the southwestern countryside of the Idlib Governorate today.", "2019-05-06", "today", "2019-05-06"],
        ["this morning", "There are almost no airstrikes this morning. There were few airstrikes in the morning and nothing else", "2019-03-05", "this morning", "2019-03-05"],
        ["earlier this week", "especially in the border town of Tal Abyad, from which they were expelled earlier this week.", "2014-01-09", "earlier this week", "2014-01-06..2014-01-09 week"],
        ["last month's", "It was speculated that the Israeli attack was a response to last month's suspected Hezbollah bombing near Megiddo in northern Israel", "2023-04-05", "last month", "2023-03-01..2023-03-31 month"],
        ["two months ago", "was responsible for the downing of the Israeli F-16 two months ago, took a transport vehicle", "2018-04-15", "two months ago", "2018-02-01..2018-02-28 month"],
        ["F-16 is not a date", "was responsible for the downing of the Israeli F-16 two months ago, took a transport vehicle", "2018-04-15", "F-16", "none"],
        ["the past week", "Syrian opposition forces reported that they arrested a number of suspected Hezbollah members in the past week.", "2014-02-20", "the past week", "2014-02-13..2014-02-20 week"],
        ["last year", "The site had been targeted last year as well.", "2020-06-30", "last year", "2019-01-01..2019-12-31 year"],
        ["18 months ago", "a post-conflict economic boom based on tourism, which, until the conflict started 18 months ago, contributed 12% to the national income.", "2012-09-15", "18 months ago", "2011-03-01..2011-03-31 month"],
        ["two years ago", "who had been kidnapped by Jaish al-Islam two years ago outside Adra al-Ummaliya", "2015-12-01", "two years ago", "2013-01-01..2013-12-31 year"],
        ["relative without publication date", "The site had been targeted last year as well.", null, "last year", "null year"],
        ["USA Today is a name", "There are also Saudi fighters. In 2013, *USA Today* reported that over 1,200 death row inmates were sent from Saudi Arabia", "2014-01-01", "Today", "none"],
        ["Syria's Tomorrow Movement is a name", "and since September 2016, the Syria's Tomorrow Movement.", "2017-01-01", "Tomorrow", "none"],
        ["the last week of (a period's end, not the past week)", "during the battle for the city center in the last week of December 2015, killed 1,036 ISIL militants.", null, "the last week", "none"],
        ["... of December 2015", "during the battle for the city center in the last week of December 2015, killed 1,036 ISIL militants.", null, "December 2015", "2015-12-01..2015-12-31 month"],

        // ---- year boundaries and past preference ----
        ["December 30 in an article of 2 January", "On 30 December, Iraqi security forces advanced in several areas.", "2017-01-02", "30 December", "2016-12-30"],
        ["5 January in an article of 10 January", "On 5 January, Lt.-Gen. Talib Shaghati stated that Iraqi forces had captured about 65–70% of east Mosul.", "2017-01-10", "5 January", "2017-01-05"],
        ["November 3 in an article of 2 January", "The capture of the key town of Al-Qaim and a nearby border crossing on November 3 left the smaller neighboring outpost of Rawa", "2018-01-02", "November 3", "2017-11-03"],
        ["mid-December in an article of 5 January", "Another series of attacks in mid-December hit PKK targets in the Qandil, Zap, Avashin and Hakurk regions.", "2008-01-05", "mid-December", "2007-12-11..2007-12-20 month"],
        ["In September, two months before publication", "In September, German customs seized packages of fake Syrian passports", "2015-11-01", "September", "2015-09-01..2015-09-30 month"],
        ["By December, a few days ahead: this year's", "By December, rebel fighters were commonly looting for supplies", "2012-11-20", "December", "2012-12-01..2012-12-31 month"],
        ["constructed: a year in the same sentence beats the anchor", "In 2014, ISIS seized Mosul on 10 June", "2017-11-10", "10 June", "2014-06-10"],

        // ---- anaphoric: relative to the date just mentioned ----
        ["the following day after 11 August", "On 11 August, the rebels attacked the government supply route to Aleppo between Khanasir and Ithriya, capturing Mahmyat Al-Ghazal. However, the Army recaptured the village the following day.", "2016-08-20", "the following day", "2016-08-12"],
        ["11 August in an article of 20 August", "On 11 August, the rebels attacked the government supply route to Aleppo between Khanasir and Ithriya, capturing Mahmyat Al-Ghazal.", "2016-08-20", "11 August", "2016-08-11"],
        ["the following day with nothing before it", "However, the Army recaptured the village the following day.", "2016-08-20", "the following day", "null day"],
        ["bare day-month with no year anywhere", "On 11 August, the rebels attacked the government supply route to Aleppo between Khanasir and Ithriya", null, "11 August", "null day"],
        ["the following day after an unresolved date", "On 11 August, the rebels attacked the government supply route to Aleppo between Khanasir and Ithriya, capturing Mahmyat Al-Ghazal. However, the Army recaptured the village the following day.", null, "the following day", "null day"],
        ["two days later", "The town of Akhtarin was captured by the rebels on 6 October. An ISIL counter-attack two days later briefly recaptured the town, along with four other villages", "2016-10-20", "two days later", "2016-10-08"],
        ["6 October", "The town of Akhtarin was captured by the rebels on 6 October. An ISIL counter-attack two days later briefly recaptured the town", "2016-10-20", "6 October", "2016-10-06"],
        ["during 8 to 9 October", "According to the Turkish military, 38 ISIL militants were killed in clashes and airstrikes during 8 to 9 October.", "2016-10-20", "8 to 9 October", "2016-10-08..2016-10-09 day"],
        ["the previous day", "On 12 October, the rebels captured Duwaybiq and also retook a village they lost the previous day.", "2016-10-20", "the previous day", "2016-10-11"],
        ["between 11 and 13 October", "the Turkish military stated that 109 militants had been killed and 77 ISIL targets destroyed between 11 and 13 October, with 10 rebels also being killed", "2016-10-20", "between 11 and 13 October", "2016-10-11..2016-10-13 day"],
        ["Between 9 and 11 October", "Between 9 and 11 October, the rebels captured 17 villages from ISIL, bringing them within two and a half kilometers of Dabiq.", "2016-10-20", "Between 9 and 11 October", "2016-10-09..2016-10-11 day"],
        ["The next day after 7 August", "After overnight clashes that started with a triple suicide bombing, on 7 August, ISIL forces captured large parts of the Brigade 93 base. The next day, ISIL was in full control of the base", "2014-08-10", "The next day", "2014-08-08"],
        ["Brigade 93 is not a date", "on 7 August, ISIL forces captured large parts of the Brigade 93 base.", "2014-08-10", "93", "none"],
        ["that day", "On 26 July, ISIL took control of Division 17 after government forces retreated, following two days of fighting. Hundreds of troops retreated from the base towards Brigade 93 and nearby villages. Three groups were pulled out, while one group stayed behind to cover the retreat. One of the retreating groups got ambushed by ISIL, but two other groups, numbering hundreds of soldiers, reached Brigade 93 that day.", "2014-08-10", "that day", "2014-07-26"],
        ["Division 17 is not a date", "On 26 July, ISIL took control of Division 17 after government forces retreated, following two days of fighting.", "2014-08-10", "17", "none"],
        ["two days of fighting is not a date", "On 26 July, ISIL took control of Division 17 after government forces retreated, following two days of fighting.", "2014-08-10", "two days", "none"],
        ["Regiment 121 is not a date", "ISIL launched an attack on the Regiment 121 base (known as the Melbiya Regiment), south of Al-Hasakah", "2014-08-10", "121", "none"],
        ["the same day, across the new year", "a Kurdish political coalition called the Syrian Kurdish Democratic Union formed on 15 December 2012, which excludes the PYD. On 3 January, PYD gunmen staged a drive-by shooting on a Yekîtî office in Qamishli. Armed Yekîtî members returned fire, injuring one PYD member. The same day, armed clashes broke out", null, "The same day", "2013-01-03"],
        ["narrative: 3 January after 15 December 2012", "a Kurdish political coalition called the Syrian Kurdish Democratic Union formed on 15 December 2012, which excludes the PYD. On 3 January, PYD gunmen staged a drive-by shooting on a Yekîtî office in Qamishli.", null, "3 January", "2013-01-03"],
        ["The following morning", "On 25 February, the Tiger Forces and their allies recaptured Khanasir, while several hills outside the town were still ISIL-held.\n\nThe following morning, the Syrian Army re-entered Khanasir and one other village.", "2016-03-01", "The following morning", "2016-02-26"],

        // ---- Wikipedia narrative: bare dates take the latest year written before them ----
        ["narrative: On 5 June after 5 June 2014", "Iraqi forces recaptured Samarra on 5 June 2014, and also heavily shelled Fallujah to weaken the ISIL forces there.\n\nOn 5 June, a curfew was imposed in the city.", null, "5 June#2", "2014-06-05"],
        ["narrative: by midday on 10 June", "Iraqi forces recaptured Samarra on 5 June 2014, and also heavily shelled Fallujah to weaken the ISIL forces there.\n\nOn 5 June, a curfew was imposed in the city. Iraqi Army soldiers fled the city while it was under attack, allowing the militants to control much of Mosul by midday on 10 June.", null, "10 June", "2014-06-10"],
        ["narrative: explicit full date", "The city fell to the ISIL on 10 June 2014 after four days of clashes between the insurgents and the Iraqi military.", null, "10 June 2014", "2014-06-10"],
        ["narrative: had retaken ... from 8 to 11 December looks back", "The Palmyra offensive in 2017 was launched by the Syrian Arab Army against the armed forces of the Islamic State of Iraq and the Levant (ISIL) in the Eastern Homs Governorate in January 2017, with the goal of recapturing Palmyra and its surrounding countryside. ISIL forces had retaken the city of Palmyra in a sudden offensive from 8 to 11 December, after previously being expelled from it by Syrian government and Russian forces in March 2016.", null, "from 8 to 11 December", "2016-12-08..2016-12-11 day"],
        ["narrative: March 2016", "after previously being expelled from it by Syrian government and Russian forces in March 2016. On 2 March 2017, the Syrian Army alongside Russian reinforcement, succeeded again", null, "March 2016", "2016-03-01..2016-03-31 month"],
        ["narrative: 2 March 2017", "after previously being expelled from it by Syrian government and Russian forces in March 2016. On 2 March 2017, the Syrian Army alongside Russian reinforcement, succeeded again", null, "2 March 2017", "2017-03-02"],
        ["narrative: between 12 and 13 January", "The **Palmyra offensive in 2017** was launched by the Syrian Arab Army against the armed forces of the Islamic State of Iraq and the Levant (ISIL) in the Eastern Homs Governorate in January 2017, with the goal of recapturing Palmyra and its surrounding countryside.\n\nSometime between 12 and 13 January, the Syrian Army launched a counter-offensive.", null, "between 12 and 13 January", "2017-01-12..2017-01-13 day"],
        ["narrative: end of December without a year", "Clashes continued around the airbase until the end of December, when ISIL's assault was repelled.", null, "the end of December", "null month"],
        ["early January 2017", "Clashes continued around the airbase until the end of December, when ISIL's assault was repelled. In early January 2017, it was reported that ISIL was withdrawing from the areas around the airbase.", null, "early January 2017", "2017-01-01..2017-01-10 month"],
        ["mid-December 2015", "In mid-December 2015, in the wake of the two rounds of the Vienna talks, Saudi Arabia hosted a conference", null, "mid-December 2015", "2015-12-11..2015-12-20 month"],
        ["In July and August 2012: July takes 2012", "In July and August 2012, the rebel-held Old City was under siege and came under sustained Army shelling", null, "July", "2012-07-01..2012-07-31 month"],
        ["In July and August 2012: August 2012", "In July and August 2012, the rebel-held Old City was under siege and came under sustained Army shelling", null, "August 2012", "2012-08-01..2012-08-31 month"],
        ["November 25, 2015 (US order)", "On November 25, 2015, the Iraqi Army launched the offensive to retake Ramadi", null, "November 25, 2015", "2015-11-25"],
        ["17 December 2012", "On 17 December 2012, government positions in Mahardah were reportedly under attack by rebel forces.", null, "17 December 2012", "2012-12-17"],
        ["30 December 2017", "On 30 December 2017, at least 30 factions operating under the banner of the Syrian Interim Government", null, "30 December 2017", "2017-12-30"],
        ["25 November 2013", "On 25 November 2013, they had shot down a government helicopter outside the base, killing all of its crew members.", null, "25 November 2013", "2013-11-25"],
        ["20 July 2016 before a dash", "20 July 2016– A SyAAF L-39ZO, operating from T4 air base was shot down by AAA in eastern rural Hama Governorate", null, "20 July 2016", "2016-07-20"],
        ["T4 is not a date", "20 July 2016– A SyAAF L-39ZO, operating from T4 air base was shot down by AAA in eastern rural Hama Governorate", null, "T4", "none"],
        ["ISO date", "author: Wikipedia\npubDate: 2023-06-24 22:06", null, "2023-06-24", "2023-06-24"],

        // ---- ranges ----
        ["21–29 February 2016 (en dash)", "  - 21–29 February 2016", null, "21–29 February 2016", "2016-02-21..2016-02-29 day"],
        ["5 March – 25 May 2014", "date:\n  - 5 March – 25 May 2014\nplace:", null, "5 March – 25 May 2014", "2014-03-05..2014-05-25 day"],
        ["between 1 August and 19 December 2016", "re killed during the operation in Sirte between 1 August and 19 December 2016. In addition to the airstrikes", null, "between 1 August and 19 December 2016", "2016-08-01..2016-12-19 day"],
        ["between April and July 2014", "barrel bomb attacks peaked between April and July 2014, with an average of 107 attacks per month", null, "between April and July 2014", "2014-04-01..2014-07-31 month"],
        ["from September 2014 to March 2015", "ed to an average of around 17 per month from September 2014 to March 2015. Aleppo suffered", null, "from September 2014 to March 2015", "2014-09-01..2015-03-31 month"],
        ["between 2014 and 2016", "nearly half of their territory in Iraq between 2014 and 2016, some Islamic State leaders", null, "between 2014 and 2016", "2014-01-01..2016-12-31 year"],
        ["from 1939 to 1945", "was a global conflict that lasted from 1939 to 1945.", null, "from 1939 to 1945", "1939-01-01..1945-12-31 year"],
        ["Between the end of 2015 and mid-2017", "Between the end of 2015 and mid-2017, the group was known as **Jabhat Thuwar al-Raqqa**", null, "Between the end of 2015 and mid-2017", "2015-09-01..2017-08-31 year"],
        ["June 2012–April 2013", "during the Idlib Governorate clashes (June 2012–April 2013) of the Syrian civil war", null, "June 2012–April 2013", "2012-06-01..2013-04-30 month"],

        ["between the end of December and the beginning of January", "with eight hit between the end of December and the beginning of January", "2018-01-20", "between the end of December and the beginning of January", "2017-12-21..2018-01-10 month"],
        ["list bullets are not dashes between years", "  - Conflicts in 2018\n  - 2014 in the Syrian civil war", null, "2018", "2018-01-01..2018-12-31 year"],

        // ---- years, decades, seasons, parts ----
        ["established in 1920", "Modern Syria was first established in 1920 as the Arab Kingdom of Syria under King Faisal I.", null, "1920", "1920-01-01..1920-12-31 year"],
        ["1920 Revolution Brigade is not a date", "* Islamic Army in Iraq (03-11) * Front for Jihad and Change * 1920 Revolution Brigade (03-11)", null, "1920", "none"],
        ["lasted until 1973", "The Bretton Woods system lasted until 1973.", null, "1973", "1973-01-01..1973-12-31 year"],
        ["since 2011", "up to 125 people have left the country since 2011 to travel to the Syria/Iraq war zone", null, "2011", "2011-01-01..2011-12-31 year"],
        ["in the 1990s", "the majority of Iraq's WMD stockpiles had been destroyed in the 1990s by UN inspectors", null, "1990s", "1990-01-01..1999-12-31 year"],
        ["By late 2016", "By late 2016, 159 White Helmets had been killed since the organisation's inception.", null, "late 2016", "2016-09-01..2016-12-31 year"],
        ["mid-2017 (one token)", "was decimated by Russian bombing, and canceled in mid-2017 by the Trump administration.", null, "mid-2017", "2017-05-01..2017-08-31 year"],
        ["by the end of 2015", "with 3,000 to complete training by the end of 2015.", null, "the end of 2015", "2015-09-01..2015-12-31 year"],
        ["1,200 is not a date", "had selected 1,200 Syrian opposition members to begin training in March 2015", null, "1,200", "none"],
        ["training in March 2015", "had selected 1,200 Syrian opposition members to begin training in March 2015", null, "March 2015", "2015-03-01..2015-03-31 month"],
        ["40 km is not a date", "to capture the al-Dumayr air base, 40 km north-east of Damascus", null, "40", "none"],
        ["In the summer of 2014", "In the summer of 2014, the Islamic State launched a military offensive in northern Iraq", null, "summer of 2014", "2014-06-01..2014-08-31 season"],
        ["By summer 2014", "By summer 2014, ISIL controlled a third of Syria.", null, "summer 2014", "2014-06-01..2014-08-31 season"],
        ["spring offensive is not a date", "Rebels took control of the town during their spring offensive in 2014.", null, "spring", "none"],
        ["... in 2014 is", "Rebels took control of the town during their spring offensive in 2014.", null, "2014", "2014-01-01..2014-12-31 year"],
        ["Arab Spring is not a date", "Following the start of the Arab Spring in 2011, protests in Syria against the Assad regime were violently suppressed", null, "Spring", "none"],
        ["the fall of Baghdad is not a date", "immediately following the fall of Baghdad to establish dominance in the new country", null, "fall", "none"],
        ["may the modal verb", "adding that \"the affordability line may be drawn around five.\"", null, "may", "none"],
        ["May 2015", "* Palmyra offensive (May 2015)", null, "May 2015", "2015-05-01..2015-05-31 month"],
        ["January 2014 after the first weekend of", "In the first weekend of January 2014, ISIS forces recaptured", null, "January 2014", "2014-01-01..2014-01-31 month"],

        ["on Sunday night, 26 August 2019: the weekday", "close to the border with Syria on Sunday night, 26 August 2019, according to Lebanese media", "2019-08-27", "Sunday", "2019-08-25"],
        ["on Sunday night, 26 August 2019: the date", "close to the border with Syria on Sunday night, 26 August 2019, according to Lebanese media", "2019-08-27", "26 August 2019", "2019-08-26"],
        ["in late 2015", "territory they had lost during the large-scale government offensive in late 2015", null, "late 2015", "2015-09-01..2015-12-31 year"],
        ["In mid-2002 (one token)", "In mid-2002, the U.S. began more carefully selecting targets", null, "mid-2002", "2002-05-01..2002-08-31 year"],
        ["since late 2012", "the Army managed to capture areas of the Ramouseh district that had been rebel-held since late 2012.", null, "late 2012", "2012-09-01..2012-12-31 year"],
        ["September 11, 2001 (US order, comma)", "terrorist organizations such as Al-Qaeda that had attacked the United States during the September 11, 2001, terrorist attacks", null, "September 11, 2001", "2001-09-11"],
        ["in November, after September and October", "rebel forces launched unsuccessful counteroffensives in September and October that failed to break the siege; in November, government forces embarked on a decisive campaign", "2016-12-30", "November", "2016-11-01..2016-11-30 month"],

        // ---- bad input ----
        ["31 February 2015 (real table row): invalid", "| 31 February 2015 | Homs Governorate: A security source of the Syrian government", null, "31 February 2015", "null day"],
        ["constructed: 29 February in a non-leap narrative year", "In 2015, the government condemned the incursion. Turkish troops withdrew on 29 February.", null, "29 February", "null day"],

        // ---- formats the corpus lacks (constructed from the seed's wording) ----
        ["constructed: Nov. 9", "Syria's army announced Nov. 9 the capture of the last town held by the Islamic State", "2017-11-10", "Nov. 9", "2017-11-09"],
        ["constructed: 9 Nov", "Syria's army announced on 9 Nov the capture of the last town held by the Islamic State", "2017-11-10", "9 Nov", "2017-11-09"],
        ["constructed: 13/11/2017 unambiguous", "Syria's army announced on 13/11/2017 the capture of the last town", null, "13/11/2017", "2017-11-13"],
        ["constructed: 11/9/2017 ambiguous, year only", "Syria's army announced on 11/9/2017 the capture of the last town", null, "11/9/2017", "2017-01-01..2017-12-31 year"],
        ["constructed: 2017-11-09 ISO in prose", "Syria's army announced on 2017-11-09 the capture of the last town", null, "2017-11-09", "2017-11-09"],
        ["constructed: from March to May 2016", "the militants held the town from March to May 2016", null, "from March to May 2016", "2016-03-01..2016-05-31 month"],
        ["constructed: between 3 and 9 November", "the army advanced on the town between 3 and 9 November", "2017-11-10", "between 3 and 9 November", "2017-11-03..2017-11-09 day"],
        ["constructed: Resolution 2254", "in line with UN Security Council Resolution 2254, the talks resumed", "2017-11-10", "2254", "none"],
        ["constructed: Route 4", "the army cut Route 4 near the town", "2017-11-10", "4", "none"],
        ["constructed: 25km", "the militants withdrew 25km to the east", "2017-11-10", "25", "none"],
        ["constructed: the 1920 Treaty", "under the terms of the 1920 Treaty of Sèvres", null, "1920", "none"],
        ["constructed: the militants May fall back", "Officials said the militants May fall back to Rawa", "2017-11-10", "May", "none"],
        ["constructed: in May, no year, publication in November", "the militants captured the town in May", "2017-11-10", "May", "2017-05-01..2017-05-31 month"],
        ["constructed: the following day after a weekday", "Syria's army announced Thursday the capture of the town. The militants withdrew the following day.", "2017-11-12", "the following day", "2017-11-10"],
        ["constructed: two days ago", "the town fell to the army two days ago", "2017-11-10", "two days ago", "2017-11-08"],
        ["constructed: earlier this month", "the army captured Deir ez-Zor earlier this month", "2017-11-10", "earlier this month", "2017-11-01..2017-11-10 month"],
        ["constructed: this year", "the militants lost most of their territory this year", "2017-11-10", "this year", "2017-01-01..2017-12-31 year"],
        ["constructed: last week", "the army captured the town last week", "2017-11-10", "last week", "2017-10-30..2017-11-05 week"],
        ["constructed: in 2014 with a publication date", "a far cry from the vast stretches they controlled after rampaging across the region in 2014", "2017-11-10", "2014", "2014-01-01..2014-12-31 year"],
    ];

    public static IEnumerable<object?[]> Cases() => Rows;

    public static Document MakeDocument(string text, string? publication)
    {
        string body = text == Seed ? File.ReadAllText(SeedPath) : text;
        DateOnly? pub = publication is null ? null : DateOnly.ParseExact(publication, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Document.Create("row", body, pub);
    }

    /// <summary>The character offset of the target's occurrence ("text#2" is the second), or -1.</summary>
    public static (int Offset, string Text) Locate(string body, string target)
    {
        int n = 1;
        int hash = target.LastIndexOf('#');
        if (hash > 0 && int.TryParse(target.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int k)) { n = k; target = target[..hash]; }
        int at = -1;
        for (int i = 0; i < n; i++)
        {
            at = body.IndexOf(target, at + 1, StringComparison.Ordinal);
            if (at < 0) return (-1, target);
        }
        return (at, target);
    }

    /// <summary>Checks one row; returns null when it passes, else what went wrong.</summary>
    public static string? Check(string text, string? publication, string target, string expected, out TimeMention? found)
    {
        found = null;
        var doc = MakeDocument(text, publication);
        var mentions = TimeRecognizer.Analyze(doc, new DateOnly(2026, 1, 1)).Mentions;
        var (offset, targetText) = Locate(doc.Text, target);
        if (offset < 0) return $"target '{target}' not in the text";
        var span = new TextSpan(offset, offset + targetText.Length);
        if (expected == "none")
        {
            var overlapping = mentions.FirstOrDefault(m => m.Span.Overlaps(span));
            return overlapping is null ? null : $"expected no mention, got [{overlapping.Text}] {overlapping.Start}..{overlapping.End} {overlapping.Precision}";
        }
        found = mentions.FirstOrDefault(m => m.Span == span);
        if (found is null)
            return $"no mention exactly '{targetText}'; mentions: " + string.Join(" | ", mentions.Select(m => $"[{m.Text}]"));
        var parts = expected.Split(' ');
        string actual = Describe(found);
        return actual == Normalize(parts) ? null : $"expected {expected}, got {actual} ({found.Note})";
    }

    private static string Normalize(string[] parts)
    {
        if (parts[0] == "null") return "null " + parts[1];
        if (!parts[0].Contains("..", StringComparison.Ordinal)) return $"{parts[0]} day";
        return $"{parts[0]} {parts[1]}";
    }

    private static string Describe(TimeMention m)
    {
        string p = m.Precision.ToContractString();
        if (m.Start is null) return "null " + p;
        if (m.Start == m.End && m.Precision == DatePrecision.Day) return $"{m.Start:yyyy-MM-dd} day";
        return $"{m.Start:yyyy-MM-dd}..{m.End:yyyy-MM-dd} {p}";
    }
}
