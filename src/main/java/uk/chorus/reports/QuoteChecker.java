package uk.chorus.reports;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what could identify someone in a quote before it is published: names, schools and other
 * organisations, places, postcodes, email addresses, phone numbers, social media names, dates of
 * birth and the ages of named children, and gives the quote back with each replaced by its kind in
 * brackets ("[name]"). Every check reads the quote normalised ({@link QuoteText}), so look-alike
 * letters, full-width symbols and invisible characters hide nothing, and words all in capitals
 * are read as words. Emails by pattern, written with symbols or in words; phone numbers by
 * libphonenumber (as the network reads them) and as any long run of digits, written or said;
 * postcodes by the UK's postcode areas; the area's schools, organisations, places and names from
 * the gazetteer, first names from a list, ordinary words from a dictionary ({@link EnglishWords}),
 * and the rest from how people write about them: a capitalised word in mid-sentence that is not a
 * known word of this field, one at the start of a sentence that is no ordinary word, "my son ...",
 * "Mrs ..." in any case, "at ... Primary", "born on ...", "my insta is ...". A word mixing scripts
 * is a find in itself. It errs towards redacting: a lead sees every part found, and can put a
 * word back. A young person's quote is checked exactly as an adult's.
 */
public final class QuoteChecker {

    public enum Kind {
        NAME("name"), SCHOOL("school"), ORGANISATION("organisation"), PLACE("place"), EMAIL("email"),
        PHONE("phone number"), DATE_OF_BIRTH("date"), AGE("age"), POSTCODE("postcode"), HANDLE("username"),
        DISGUISED("word");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** What the redacted part is replaced by. */
        public String placeholder() {
            return "[" + label + "]";
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Found(Kind kind, int start, int end, String text) {
    }

    public record Checked(String original, String redacted, List<Found> found) {
        public boolean clean() {
            return found.isEmpty();
        }
    }

    /** An entry of the area's gazetteer. */
    public record Entry(Kind kind, String name) {
    }

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]+\\s?(?:@|\\(at\\)|\\[at\\])\\s?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+){0,10}\\.[A-Za-z]{2,}");
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern FULL_DATE = Pattern.compile("(?i)\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(?:19|20)\\d{2}"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2})\\b");
    private static final Pattern BORN = Pattern.compile("(?i)\\bborn\\s+(?:on\\s+|in\\s+)?((?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?"
            + "(?:\\s+(?:of\\s+)?" + MONTH + ")?(?:,?\\s+(?:19|20)\\d{2})?|" + MONTH + "(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?"
            + "(?:,?\\s+(?:19|20)\\d{2})?|(?:19|20)\\d{2})\\b");
    private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\\d{1,2})";
    /** "7 years old", "aged 7", "7yo": the whole phrase is the age. */
    private static final Pattern AGE = Pattern.compile("(?i)\\b(?:" + NUMBER_WORD + "\\s*-?\\s*(?:years?|yrs?)\\s*-?\\s*old"
            + "|" + NUMBER_WORD + "\\s*(?:yo|y/o)|aged?\\s+" + NUMBER_WORD + ")\\b");
    /** "is 7", "I'm 16", "at 3", "Jessica, 18,": only the number is the age. */
    private static final Pattern AGE_AFTER = Pattern.compile("(?i)(?:\\b(?:is|was|turned|turns|now|am|i'm|im|at)\\s+|,\\s*)("
            + NUMBER_WORD + ")(?=\\s*(?:[,.;!?)]|$|and\\b|when\\b|but\\b|now\\b|so\\b|yet\\b|with\\b|for\\b|in\\s+year|"
            + "and\\s+still|years?\\s+old))(?!\\s*years?\\s+old)");
    /** A title in any case, then one or two words: which of them are a name is decided in {@link #titled}. */
    private static final Pattern TITLE = Pattern.compile("(?i)\\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Revd|Sister|"
            + "Father|Nurse|Matron|Mister|Missus|Mistress|Madam|Doctor)(?:\\.[ \\t]*|[ \\t]+)([A-Za-z][a-zA-Z'’-]*)"
            + "(?:[ \\t]*[ -][ \\t]*([A-Za-z][a-zA-Z'’-]*))?");
    /** Titles that are never ordinary words, so whatever word follows is a name, in any case. */
    private static final Set<String> PLAIN_TITLES = Set.of("mr", "mrs", "ms", "mx", "dr", "prof", "revd", "mister", "missus");
    // Repeated groups below are bounded ({0,10}): Java's regex engine recurses once per repetition,
    // and a comment of a thousand "a." would otherwise overflow the stack.
    /** "at", "(at)", "[at]", " at ", "@": how an address's "@" is written, in symbols or in words. */
    private static final String AT = "(?:[ \\t]*@[ \\t]*|[ \\t]*[(\\[{<][ \\t]*at[ \\t]*[)\\]}>][ \\t]*|[ \\t]+at[ \\t]+)";
    private static final String DOT = "(?:\\.|[ \\t]*[(\\[{<][ \\t]*dot[ \\t]*[)\\]}>][ \\t]*|[ \\t]+dot[ \\t]+)";
    private static final String LOCAL_PART = "[A-Za-z0-9_%+'-]+(?:(?:" + DOT + "|[ \\t]+(?:underscore|dash|hyphen)[ \\t]+)"
            + "[A-Za-z0-9_%+'-]+){0,10}";
    private static final String TOP_LEVEL = "(?:com|org|net|uk|co|gov|nhs|ac|sch|edu|io|me|info|biz|ie|eu|us|de|fr|pl|ro|"
            + "lt|in|pk|ng|ca|au|nz|online|email|mail|live|app|dev)";
    /** Mail services whose name alone is the rest of an address ("jane dot doe at gmail"). */
    private static final String MAIL_SERVICE = "(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|aol|btinternet|"
            + "btopenworld|protonmail|virginmedia|talktalk|gmx|msn|tiscali|ntlworld|blueyonder)";
    /** An address written out: "jane dot doe at gmail", "jane [at] gmail [dot] com", "j (at) x (dot) org". */
    private static final Pattern SPELLED_EMAIL = Pattern.compile("(?i)(?<![A-Za-z0-9_%+'-])" + LOCAL_PART + AT
            + "(?:[A-Za-z0-9-]+(?:" + DOT + "[A-Za-z0-9-]+){0,10}" + DOT + TOP_LEVEL + "|" + MAIL_SERVICE + ")(?![A-Za-z0-9])");
    /** A digit, or a digit said in words, as a phone number is read out: "oh seven seven double oh". */
    private static final Pattern DIGIT = Pattern.compile("(?i)(\\d)|\\b(zero|oh|o|nought|nil|one|two|three|four|five|six|"
            + "seven|eight|nine|double|triple|treble)\\b");
    /** What may stand between the digits of one phone number (not "/", which dates use; "," only beside words). */
    private static final Pattern DIGIT_GAP = Pattern.compile("[\\s\\-.()+–—]*");
    /** Fewer digits than this in a row is a count, a year or a date; this many is a phone number. */
    private static final int PHONE_DIGITS = 9;
    /** The postcode areas of the UK, so a postcode is told from "Y6" or "B12 vitamins". */
    private static final String POSTCODE_AREA = "(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|"
            + "DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|"
            + "LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|"
            + "SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE|B|E|G|L|M|N|S|W)";
    private static final String OUTWARD = POSTCODE_AREA + "\\d[A-Za-z\\d]?";
    /** A full postcode in any case and spacing: "AB1 2CD", "ab12cd", "sw1a  1aa". */
    private static final Pattern POSTCODE = Pattern.compile("(?i)\\b" + OUTWARD + "[ \\t-]*\\d[A-Z]{2}\\b");
    /** "1st", "2nd": an ordinal after a code like "B1" is not the end of a postcode. */
    private static final Pattern ORDINAL = Pattern.compile("(?:1st|2nd|3rd|[04-9]th)$");
    /** The first half of a postcode where it is clearly one: after "postcode", or in capitals after "in". */
    private static final Pattern OUTWARD_ONLY = Pattern.compile("(?i)\\bpost[ \\t]?code(?:[ \\t]+area)?(?:[ \\t]+(?:is|was))?"
            + "[ \\t]*[:=-]?[ \\t]*(" + OUTWARD + ")\\b|\\b(?:in|near|from|around)[ \\t]+((?-i)" + OUTWARD.replace("A-Za-z", "A-Z")
            + ")\\b");
    /** "@janedoe_send", but not the "@" inside an email address. */
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![A-Za-z0-9._%+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?");
    private static final Pattern PROFILE_LINK = Pattern.compile("(?i)\\b(?:https?://)?(?:www\\.|m\\.)?(?:facebook|fb|instagram|"
            + "twitter|x|tiktok|youtube|linkedin|snapchat|threads|reddit|pinterest|twitch)\\.(?:com|net)/\\S+"
            + "|\\b(?:u|r)/[A-Za-z0-9_-]{3,}");
    /** "my insta is janedoe", "tiktok: jane.doe", "find us on snapchat jd_2010". */
    private static final Pattern PLATFORM_NAME = Pattern.compile("(?i)\\b(?:insta(?:gram)?|ig|twitter|tiktok|snap(?:chat)?|"
            + "facebook|fb|threads|youtube|discord|telegram|twitch|handle|username|user[ \\t]name)\\b(?:[ \\t]+(?:handle|name|"
            + "page|account|username|id))?([ \\t]*(?:is|:|=|-|–|,)[ \\t]*|[ \\t]+)(@?[A-Za-z0-9_.]{2,30}[A-Za-z0-9_])");
    /** "@ janedoe": a name after an "@" and a space. */
    private static final Pattern SPACED_AT_HANDLE = Pattern.compile("(?<![A-Za-z0-9._%+-])@[ \\t]+([A-Za-z][A-Za-z0-9_.]{2,29})");
    /** "I'm janedoe on tiktok": a name before the platform. */
    private static final Pattern NAME_ON_PLATFORM = Pattern.compile("(?i)(?<![A-Za-z0-9_.@])(@?[A-Za-z0-9_.]{3,30})[ \\t]+"
            + "(?:on|at|via)[ \\t]+(?:insta(?:gram)?|tiktok|twitter|snap(?:chat)?|facebook|fb|threads|youtube|discord|x)\\b");
    /** "jane_doe_send": words joined by underscores are a username or an address, never prose. */
    private static final Pattern UNDERSCORED = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z0-9]+(?:_+[A-Za-z0-9]+){1,10}(?![A-Za-z0-9_])");
    private static final Pattern KIN = Pattern.compile("(?i)\\b(?:my|our|his|her|their|your)\\s+(?:(?:little|youngest|eldest|"
            + "oldest|older|younger|middle|twin|step|foster|adopted|autistic|disabled|lovely|beautiful|amazing|baby|big)\\s+){0,5}"
            + "(?:son|daughter|child|boy|girl|grandson|granddaughter|grandchild|brother|sister|nephew|niece|kid|twins?|"
            + "stepson|stepdaughter|baby|toddler|teenager|lad|lass|friend|carer|partner|husband|wife)s?\\s*,?\\s+"
            + "([A-Za-z][a-zA-Z'’-]+)(?:\\s+(?:and|&)\\s+([A-Za-z][a-zA-Z'’-]+))?");
    private static final Pattern CALLED = Pattern.compile("(?i)\\b(?:called|named|name is|name's)\\s+([A-Za-z][a-zA-Z'’-]+)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");
    /** Words naming a kind of school or organisation; the words before them name which one. */
    private static final Set<String> SCHOOL_WORDS = setOf("school", "academy", "college", "nursery", "pre-school",
            "preschool", "primary", "infants", "juniors", "federation", "university", "high");
    private static final Set<String> ORGANISATION_WORDS = setOf("surgery", "hospital", "practice", "centre", "center",
            "clinic", "trust", "church", "club", "mosque", "temple", "charity", "foundation", "group", "ltd", "limited", "hub");
    /** Words that say what kind of school, not which: "his new school" names none. */
    private static final Set<String> GENERIC = setOf("the", "a", "an", "his", "her", "their", "my", "our", "your", "its",
            "this", "that", "these", "those", "new", "old", "local", "mainstream", "special", "specialist", "secondary",
            "primary", "high", "infant", "junior", "current", "previous", "last", "next", "same", "different", "other",
            "another", "private", "independent", "state", "grammar", "residential", "day", "sixth", "form", "sen", "send",
            "autism", "asd", "resource", "base", "unit", "village", "big", "small", "good", "great", "nice", "lovely",
            "every", "each", "any", "no", "which", "what", "one", "two", "first", "whole", "after", "before", "holiday",
            "summer", "forest", "nursery", "school", "college", "youth", "social", "breakfast", "football", "swimming",
            "drama", "dance", "homework", "lunch", "lunchtime", "after-school", "sunday", "saturday", "medical", "health",
            "gp", "doctors", "doctor's", "dentist", "eye", "children's", "childrens", "child", "development", "family",
            "community", "support", "parent", "parents", "carers", "play", "sports", "leisure", "catholic", "church",
            "free", "outstanding", "failing", "mental", "a&e", "general", "main", "nearest", "closest", "right", "wrong",
            "to", "at", "in", "from", "for", "of", "and", "or", "but", "with", "without", "on", "into", "by", "all",
            "both", "many", "some", "most", "such", "own", "real", "proper", "normal", "full", "part", "time", "year",
            "years", "term", "whole", "inclusive", "pru", "ap", "alternative", "provision", "hospital", "early", "years",
            "leave", "go", "get", "attend", "start", "stay", "change", "move", "visit", "find", "choose", "apply", "join",
            "finish", "love", "hate", "like", "want", "return", "enjoy", "keep", "send", "take", "pick", "walk", "drive",
            "back", "travel", "transfer", "went", "gone", "got", "left", "started", "moved", "changed", "him", "her",
            "them", "us", "me", "it", "going", "coming", "come", "leaving", "staying", "back", "again", "home");
    /** Words written with a capital that name no one: this field's words, months, days, family words. */
    private static final Set<String> KNOWN_CAPITALISED = setOf("I", "I'm", "I've", "I'd", "I'll", "Mum", "Mummy", "Mam",
            "Dad", "Daddy", "Nan", "Nana", "Nanna", "Gran", "Grandma", "Grandad", "Granddad", "Grandpa", "Mom", "God",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter",
            "Eid", "Diwali", "Ramadan", "Covid", "Year", "Reception", "English", "Maths", "Math", "Science", "PE", "Local",
            "Offer", "Council", "Education", "Health", "Care", "Plan", "Plans", "EHC", "Review", "Reviews", "Annual",
            "Short", "Breaks", "Break", "Preparing", "Adulthood", "Early", "Help", "Speech", "Language", "Therapy",
            "Therapist", "Therapists", "Occupational", "Physiotherapy", "Educational", "Psychologist", "Psychology",
            "Children's", "Childrens", "Services", "Service", "Social", "Worker", "Workers", "Team", "Teams", "Panel",
            "Tribunal", "Forum", "Forums", "Parent", "Parents", "Carer", "Carers", "Young", "Inspectors", "People",
            "Family", "Families", "Voice", "Autism", "Autistic", "ADHD", "Down", "Syndrome", "Syndrome's", "Tourette",
            "Tourette's", "Asperger", "Asperger's", "Dyslexia", "Dyspraxia", "Cerebral", "Palsy", "NHS", "Mental",
            "Support", "Hub", "Pathway", "Transport", "Direct", "Payments", "Payment", "Personal", "Budget", "Budgets",
            "Special", "Educational", "Needs", "Disabilities", "SEN", "SEND", "SENCo", "SENCO", "Senco", "Head",
            "Headteacher", "Teacher", "Teachers", "Assistant", "TA", "TAs", "Ofsted", "Government", "Department",
            "Independent", "Advice", "Information", "Sendiass", "SENDIASS", "IASS", "Children", "Adult", "Adults",
            "Internet", "Facebook", "WhatsApp", "YouTube", "Google", "Zoom", "Teams", "Instagram", "TikTok", "Xbox",
            "PlayStation", "Minecraft", "Roblox", "Lego", "LEGO", "OK", "Ok", "Okay", "TV", "GP", "A&E", "UK", "England",
            "British", "Please", "Thank", "Thanks", "No", "Yes", "Not", "None", "Nobody", "Everyone", "Everybody",
            "Business", "Pledge", "Everybody's", "Big", "Bang", "Survey", "Youth", "Club", "College", "School", "Schools",
            "Primary", "Secondary", "Nursery", "Sixth", "Form", "Post-16", "Year's", "Hospital", "Dentist", "Doctor",
            "Doctors", "Nurse", "Consultant", "Paediatrician", "Paediatrics", "Camhs", "CAMHS", "Neurodevelopmental",
            "Assessment", "Assessments", "Diagnosis", "Wheelchair", "Services'", "Respite", "Makaton", "PECS", "BSL",
            "Sign", "Braille", "Bus", "Taxi", "Council's", "Office", "Website", "Portal", "Email", "Emails");
    private static final Set<String> KNOWN_LOWER = KNOWN_CAPITALISED.stream()
            .map(w -> w.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> AMBIGUOUS_NAMES = setOf("Will", "May", "Hope", "Grace", "Joy", "Faith", "Rose",
            "Mark", "Bill", "Sky", "Summer", "Autumn", "April", "June", "Frank", "Sunny", "Rich", "Pat", "Dawn", "Ray",
            "Bob", "Jay", "Patience", "Comfort", "Mercy", "Precious", "Blessing", "Favour", "Miracle", "Divine", "Robin",
            "Max", "Kit", "Ted", "Eden", "Iris", "Hazel", "Violet", "Amber", "Ruby", "Holly", "Daisy", "Poppy", "Willow",
            "Rowan", "Luna", "Nova", "Aurora", "Ivy", "Jade", "Crystal", "Hunter", "Austin", "Blake", "Chase", "Grant",
            "Miles", "Dean", "Lee", "Shane", "Carter", "Mason", "Harper", "Morgan", "Jordan", "Casey", "Bailey", "Harley");
    private static final Set<String> NAME_FOLLOWERS = setOf("is", "was", "has", "had", "and", "loves", "needs", "goes",
            "went", "can't", "cannot", "can", "gets", "got", "does", "doesn't", "did", "didn't", "will", "would", "started",
            "attends", "said", "says", "struggles", "struggled", "waited", "has", "hasn't", "isn't", "wasn't", "finds",
            "found", "likes", "hates", "wants", "tried", "tries", "used", "needed", "became", "feels", "felt", "came",
            "left", "moved", "refuses", "refused", "won't", "been", "'s", "’s");
    /** Each gazetteer name's pattern, made once (cleared if leads ever add more than fit). */
    private static final java.util.Map<String, Pattern> GAZETTEER_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Lucene's English stop words ("the", "and", "of"), beside this checker's own little words. */
    private static final Set<String> STOP_WORDS = stopWords();
    private static final Set<String> PLACE_CUES = setOf("in", "from", "near", "around", "outside", "across", "towards",
            "via", "through");

    /** A set of words, repeats allowed (the lists are long and kept by hand). */
    private static Set<String> setOf(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    private final Set<String> firstNames;
    private final Set<String> lowerFirstNames;
    private final Set<String> lowerAmbiguous = new HashSet<>();
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public QuoteChecker() {
        this.firstNames = loadNames();
        this.lowerFirstNames = new HashSet<>();
        firstNames.forEach(n -> lowerFirstNames.add(n.toLowerCase(Locale.ROOT)));
        AMBIGUOUS_NAMES.forEach(n -> lowerAmbiguous.add(n.toLowerCase(Locale.ROOT)));
    }

    /**
     * Checks a quote against the shipped lists and the area's gazetteer. Every check reads the
     * quote normalised ({@link QuoteText}: confusable letters, compatibility forms, invisible
     * characters), with words written all in capitals read as ordinary words; what is found is
     * reported and redacted in the words as written.
     */
    public Checked check(String written, List<Entry> gazetteer) {
        QuoteText quote = QuoteText.of(written);
        boolean[] shouted = new boolean[quote.text().length()];
        String text = unshouted(quote.text(), shouted);
        List<Found> found = new ArrayList<>();
        spelledOut(text, found);
        digitRuns(text, found);
        postcodes(text, found);
        handles(text, found);
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            found.add(new Found(Kind.EMAIL, email.start(), email.end(), email.group()));
        }
        for (PhoneNumberMatch match : phones.findNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (match.rawString().chars().filter(Character::isDigit).count() < 7) {
                // "2019", "111": a year or a short service number, which identifies nobody.
                continue;
            }
            found.add(new Found(Kind.PHONE, match.start(), match.end(), match.rawString()));
        }
        Matcher born = BORN.matcher(text);
        while (born.find()) {
            found.add(new Found(Kind.DATE_OF_BIRTH, born.start(1), born.end(1), born.group(1)));
        }
        Matcher date = FULL_DATE.matcher(text);
        while (date.find()) {
            found.add(new Found(Kind.DATE_OF_BIRTH, date.start(), date.end(), date.group()));
        }
        gazetteer(text, gazetteer, found);
        organisations(text, shouted, found);
        titled(text, shouted, found);
        kin(text, shouted, found);
        capitalised(text, shouted, found);
        if (found.stream().anyMatch(f -> f.kind() == Kind.NAME)) {
            Matcher age = AGE.matcher(text);
            while (age.find()) {
                found.add(new Found(Kind.AGE, age.start(), age.end(), age.group()));
            }
            Matcher after = AGE_AFTER.matcher(text);
            while (after.find()) {
                found.add(new Found(Kind.AGE, after.start(1), after.end(1), after.group(1)));
            }
        }
        List<Found> inWritten = new ArrayList<>();
        for (Found part : found) {
            int[] span = quote.originalSpan(part.start(), part.end());
            if (span[1] > span[0]) {
                inWritten.add(new Found(part.kind(), span[0], span[1], written.substring(span[0], span[1])));
            }
        }
        // Last, so that where a disguised word is also a name it is redacted as a name.
        for (int[] span : QuoteText.disguisedWords(written)) {
            inWritten.add(new Found(Kind.DISGUISED, span[0], span[1], written.substring(span[0], span[1])));
        }
        List<Found> kept = withoutOverlaps(written, inWritten);
        return new Checked(written, QuoteText.visible(redact(written, kept)), kept);
    }

    /** Emails written out in words or with brackets ("jane dot doe at gmail", "jane [at] gmail [dot] com"). */
    private static void spelledOut(String text, List<Found> found) {
        Matcher email = SPELLED_EMAIL.matcher(text);
        while (email.find()) {
            found.add(new Found(Kind.EMAIL, email.start(), email.end(), email.group()));
        }
    }

    /**
     * Phone numbers however they are written: digits with any spaces, dashes, dots or brackets
     * between them ("0 7 7 0 0-9 0 0 4 6 1"), digits in words ("oh seven seven double oh nine"),
     * or both. Nine digits or more in a row is a phone number; fewer is a count, a year or a date.
     */
    private static void digitRuns(String written, List<Found> found) {
        String text = lettersAsDigits(written);
        Matcher digit = DIGIT.matcher(text);
        int start = -1;
        int end = -1;
        int digits = 0;
        int repeat = 1;
        while (digit.find()) {
            String gap = start >= 0 ? text.substring(end, digit.start()) : "";
            // A comma may part digits said in words ("oh seven seven, nine"), not figures ("2019, 2020").
            boolean joined = start >= 0 && (DIGIT_GAP.matcher(gap).matches() || (digit.group(2) != null
                    || !Character.isDigit(text.charAt(end - 1))) && gap.matches("[\\s,]*,[\\s,]*"));
            if (!joined) {
                if (digits >= PHONE_DIGITS) {
                    found.add(new Found(Kind.PHONE, start, end, text.substring(start, end)));
                }
                start = digit.start();
                digits = 0;
                repeat = 1;
            }
            end = digit.end();
            String word = digit.group(2) == null ? "" : digit.group(2).toLowerCase(Locale.ROOT);
            if (word.equals("double")) {
                repeat = 2;
            } else if (word.equals("triple") || word.equals("treble")) {
                repeat = 3;
            } else {
                digits += repeat;
                repeat = 1;
            }
        }
        if (digits >= PHONE_DIGITS) {
            found.add(new Found(Kind.PHONE, start, end, text.substring(start, end)));
        }
    }

    /**
     * "O77OO 9OO461", "O7700 9004G1": a letter O or l written among digits is read as the digit it
     * imitates. Same length as the text.
     */
    private static String lettersAsDigits(String text) {
        char[] read = text.toCharArray();
        Matcher token = Pattern.compile("[0-9OoIl|]{4,}").matcher(text);
        while (token.find()) {
            if (token.group().chars().filter(Character::isDigit).count() >= 2) {
                for (int i = token.start(); i < token.end(); i++) {
                    read[i] = switch (read[i]) {
                        case 'O', 'o' -> '0';
                        case 'I', 'l', '|' -> '1';
                        default -> read[i];
                    };
                }
            }
        }
        return new String(read);
    }

    /** UK postcodes in any case and spacing, and the first half of one where it is clearly a postcode. */
    private static void postcodes(String text, List<Found> found) {
        Matcher postcode = POSTCODE.matcher(text);
        while (postcode.find()) {
            String code = postcode.group();
            if (ORDINAL.matcher(code).find() && !code.equals(code.toUpperCase(Locale.ROOT))) {
                continue;
            }
            found.add(new Found(Kind.POSTCODE, postcode.start(), postcode.end(), code));
        }
        Matcher outward = OUTWARD_ONLY.matcher(text);
        while (outward.find()) {
            int group = outward.group(1) != null ? 1 : 2;
            found.add(new Found(Kind.POSTCODE, outward.start(group), outward.end(group), outward.group(group)));
        }
    }

    /** Social media names: "@janedoe_send", a profile's address, "my insta is janedoe". */
    private static void handles(String text, List<Found> found) {
        for (Pattern pattern : new Pattern[]{AT_HANDLE, PROFILE_LINK, UNDERSCORED}) {
            Matcher handle = pattern.matcher(text);
            while (handle.find()) {
                found.add(new Found(Kind.HANDLE, handle.start(), handle.end(), handle.group()));
            }
        }
        Matcher named = PLATFORM_NAME.matcher(text);
        while (named.find()) {
            String name = named.group(2);
            boolean said = !named.group(1).isBlank();
            // A name with "_", a digit or a dot in it is a username; so is any word that is not
            // ordinary English after "is" or ":" ("my insta is janedoe", not "facebook is useless").
            boolean looksLikeOne = name.startsWith("@") || name.matches(".*[_0-9].*") || name.matches(".+\\..+");
            boolean unknownWord = said && !EnglishWords.ordinary(name) && !GENERIC.contains(name.toLowerCase(Locale.ROOT))
                    && !NAME_FOLLOWERS.contains(name.toLowerCase(Locale.ROOT));
            if (looksLikeOne || unknownWord) {
                found.add(new Found(Kind.HANDLE, named.start(2), named.end(2), name));
            }
        }
        Matcher spaced = SPACED_AT_HANDLE.matcher(text);
        while (spaced.find()) {
            String name = spaced.group(1);
            if (name.matches(".*[_0-9.].*") || !EnglishWords.ordinary(name) && !littleWord(name)) {
                found.add(new Found(Kind.HANDLE, spaced.start(), spaced.end(), spaced.group()));
            }
        }
        Matcher before = NAME_ON_PLATFORM.matcher(text);
        while (before.find()) {
            String name = before.group(1);
            if (name.startsWith("@") || name.matches(".*[_0-9].*") || name.matches(".+\\..+")
                    || !EnglishWords.ordinary(name) && !littleWord(name) && !EnglishWords.properNoun(name)) {
                found.add(new Found(Kind.HANDLE, before.start(1), before.end(1), name));
            }
        }
    }

    /**
     * The text with words written all in capitals, two or more together ("MRS KOWALCZYK", "MY SON
     * OLIVER"), given an ordinary capital and small letters, so the checks that read capitals read
     * them as written normally; {@code shouted} marks their characters. The acronyms this field
     * uses (CAMHS, EHCP) keep their capitals. Same length as the text, character for character.
     */
    private String unshouted(String text, boolean[] shouted) {
        List<int[]> words = words(text);
        char[] read = text.toCharArray();
        for (int i = 0; i < words.size(); i++) {
            String word = word(text, words.get(i));
            if (!allCapitals(word) || KNOWN_CAPITALISED.contains(word) || KNOWN_CAPITALISED.contains(word.replaceAll("['’]?S$", ""))) {
                continue;
            }
            boolean before = i > 0 && allCapitals(word(text, words.get(i - 1)))
                    && text.substring(words.get(i - 1)[1], words.get(i)[0]).length() <= 3;
            boolean after = i + 1 < words.size() && allCapitals(word(text, words.get(i + 1)))
                    && text.substring(words.get(i)[1], words.get(i + 1)[0]).length() <= 3;
            if (before || after || isFirstName(word) || word.length() >= 3 && EnglishWords.properNoun(word)) {
                for (int k = words.get(i)[0] + 1; k < words.get(i)[1]; k++) {
                    read[k] = Character.toLowerCase(read[k]);
                }
                java.util.Arrays.fill(shouted, words.get(i)[0], words.get(i)[1], true);
            }
        }
        return new String(read);
    }

    /** A first name on the list that is not also an ordinary word ("jane", not "will"), in any case. */
    private boolean isFirstName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lowerFirstNames.contains(lower) && !lowerAmbiguous.contains(lower) && !EnglishWords.ordinary(lower)
                && !GENERIC.contains(lower) && !NAME_FOLLOWERS.contains(lower);
    }

    private static boolean knownInAnyCase(String word) {
        return KNOWN_LOWER.contains(word.toLowerCase(Locale.ROOT));
    }

    /** "MRS", "KOWALCZYK": letters all capitals (the single "I" and "A" aside). */
    private static boolean allCapitals(String word) {
        return word.length() >= 2 && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && word.chars().anyMatch(Character::isLetter);
    }

    /** The quote with each part found replaced by its kind. */
    static String redact(String text, List<Found> found) {
        StringBuilder redacted = new StringBuilder();
        int at = 0;
        for (Found part : found) {
            redacted.append(text, at, part.start()).append(part.kind().placeholder());
            at = part.end();
        }
        return redacted.append(text.substring(at)).toString();
    }

    /**
     * The gazetteer's names in any case, spacing and hyphenation, with or without an apostrophe
     * ("St Annes", "oakfield  primary"), each name read as the text is (confusables folded).
     */
    private static void gazetteer(String text, List<Entry> entries, List<Found> found) {
        for (Entry entry : entries) {
            Matcher named = GAZETTEER_PATTERNS.computeIfAbsent(entry.name(), QuoteChecker::namePattern).matcher(text);
            while (named.find()) {
                found.add(new Found(entry.kind(), named.start(), named.end(), named.group()));
            }
        }
        if (GAZETTEER_PATTERNS.size() > 10_000) {
            GAZETTEER_PATTERNS.clear();
        }
    }

    private static Pattern namePattern(String name) {
        StringBuilder pattern = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] parts = QuoteText.of(name).text().strip().split("[\\s\\-]+");
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                pattern.append("[\\s\\-]+");
            }
            String[] around = parts[p].split("['’]", -1);
            for (int a = 0; a < around.length; a++) {
                if (a > 0) {
                    pattern.append("['’]?");
                }
                pattern.append(Pattern.quote(around[a]));
            }
        }
        return Pattern.compile(pattern.append("(?![\\p{L}\\p{N}])").toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** "Oakfield Primary", "St Mary's C of E School", "at riverside academy", "Elm Tree Surgery". */
    private static void organisations(String text, boolean[] shouted, List<Found> found) {
        List<int[]> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            String word = word(text, words.get(i)).toLowerCase(Locale.ROOT);
            boolean school = SCHOOL_WORDS.contains(word);
            if (!school && !ORGANISATION_WORDS.contains(word)) {
                continue;
            }
            // Take the keyword and any keywords straight after it ("Primary School", "Medical Centre").
            int last = i;
            while (last + 1 < words.size() && adjacent(text, words.get(last), words.get(last + 1))
                    && (SCHOOL_WORDS.contains(word(text, words.get(last + 1)).toLowerCase(Locale.ROOT))
                    || ORGANISATION_WORDS.contains(word(text, words.get(last + 1)).toLowerCase(Locale.ROOT)))) {
                last++;
            }
            // Walk back over the words that name which one: capitalised words (with "of", "the", "and",
            // "C of E" between them), or up to two lower-case words after "at", "to", "from" or "attends".
            int first = i;
            boolean named = false;
            int lowerTaken = 0;
            for (int j = i - 1; j >= 0 && adjacent(text, words.get(j), words.get(j + 1)); j--) {
                String before = word(text, words.get(j));
                String beforeLower = before.toLowerCase(Locale.ROOT);
                // In words all in capitals only a word that is no ordinary word counts as written with one.
                boolean capital = Character.isUpperCase(before.charAt(0))
                        && !(shouted[words.get(j)[0]] && EnglishWords.ordinary(before));
                if (capital && !KNOWN_CAPITALISED.contains(before) && !GENERIC.contains(beforeLower)) {
                    first = j;
                    named = true;
                } else if (capital && !isAcronym(before)) {
                    // "St", "C of E", "Youth", "Family": part of the name, though none names it alone.
                    first = j;
                } else if ((beforeLower.equals("of") || beforeLower.equals("and") || beforeLower.equals("&"))
                        && j > 0 && Character.isUpperCase(word(text, words.get(j - 1)).charAt(0))) {
                    first = j;
                } else if (!capital && !GENERIC.contains(beforeLower) && lowerTaken < 2 && precededByCue(text, words, j)) {
                    first = j;
                    named = true;
                    lowerTaken++;
                } else if (!capital && !GENERIC.contains(beforeLower) && lowerTaken < 1 && j > 0
                        && !GENERIC.contains(word(text, words.get(j - 1)).toLowerCase(Locale.ROOT))
                        && precededByCue(text, words, j - 1)) {
                    first = j;
                    named = true;
                    lowerTaken++;
                } else {
                    break;
                }
            }
            if (named) {
                int start = words.get(first)[0];
                int end = words.get(last)[1];
                found.add(new Found(school ? Kind.SCHOOL : Kind.ORGANISATION, start, end, text.substring(start, end)));
            }
            i = last;
        }
    }

    private static boolean precededByCue(String text, List<int[]> words, int index) {
        if (index == 0) {
            return false;
        }
        String cue = word(text, words.get(index - 1)).toLowerCase(Locale.ROOT);
        return Set.of("at", "to", "from", "attends", "attending", "attended", "joined", "left", "into", "called", "visited")
                .contains(cue);
    }

    /**
     * "Mrs Patel", "Dr. Okafor", "Miss Hughes-Jones", and in any case: "mrs kowalczyk", "MR SMITH".
     * After a title that is never a word ("Mrs", "Dr") whatever follows is a name unless it is a
     * little word ("the Dr said"); after one that is also a word ("miss", "sister", "father") a
     * word in small letters is a name only when it is not an ordinary word ("we miss school").
     */
    private void titled(String text, boolean[] shouted, List<Found> found) {
        Matcher titled = TITLE.matcher(text);
        while (titled.find()) {
            String title = titled.group(1);
            String name = titled.group(2);
            // In words all in capitals a capital says nothing.
            boolean capitalTitle = Character.isUpperCase(title.charAt(0)) && !shouted[titled.start(1)];
            boolean plainTitle = PLAIN_TITLES.contains(title.toLowerCase(Locale.ROOT));
            boolean named;
            boolean capitalName = Character.isUpperCase(name.charAt(0)) && !shouted[titled.start(2)];
            if (capitalName && !capitalTitle && KNOWN_CAPITALISED.contains(name)) {
                // "we miss Christmas"
                named = false;
            } else if (capitalName) {
                // "Mrs Patel", "miss Smith": a capital after a title names someone.
                named = true;
            } else if (plainTitle) {
                named = !littleWord(name);
            } else {
                named = !littleWord(name) && (!EnglishWords.ordinary(name) || isFirstName(name));
            }
            if (!named) {
                continue;
            }
            int end = titled.end(2);
            String surname = titled.group(3);
            if (surname != null && !littleWord(surname) && !KNOWN_CAPITALISED.contains(surname)
                    && !SCHOOL_WORDS.contains(surname.toLowerCase(Locale.ROOT))
                    && !ORGANISATION_WORDS.contains(surname.toLowerCase(Locale.ROOT))
                    && (Character.isUpperCase(surname.charAt(0)) && !shouted[titled.start(3)]
                    || !EnglishWords.ordinary(surname))) {
                end = titled.end(3);
            }
            // "my sister Amy" keeps "sister": a title in small letters that is also a word is not part of the name.
            int start = capitalTitle || plainTitle ? titled.start() : titled.start(2);
            found.add(new Found(Kind.NAME, start, end, text.substring(start, end)));
        }
    }

    /** Words that are never a name: "the", "and", "is", "said". */
    private static boolean littleWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        return STOP_WORDS.contains(lower) || NAME_FOLLOWERS.contains(lower) || GENERIC.contains(lower)
                || Set.of("said", "says", "told", "tells", "asked", "who", "whom", "whose", "she", "he", "they", "you",
                "we", "i", "appointment", "appointments", "surgery", "letter", "report").contains(lower);
    }

    /** "my son Oliver", "our daughter amelia", "called jayden", with a surname if one follows. */
    private void kin(String text, boolean[] shouted, List<Found> found) {
        for (Pattern pattern : new Pattern[]{KIN, CALLED}) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                for (int g = 1; g <= matcher.groupCount(); g++) {
                    String word = matcher.group(g);
                    if (word == null) {
                        continue;
                    }
                    boolean capital = Character.isUpperCase(word.charAt(0))
                            && !(shouted[matcher.start(g)] && EnglishWords.ordinary(word));
                    String lower = word.toLowerCase(Locale.ROOT);
                    // "my son will ...": a name that is also a word counts only when written as a name.
                    Matcher following = Pattern.compile("^[\\s,]+([a-zA-Z'’]+)").matcher(text.substring(matcher.end(g)));
                    String next = following.find() ? following.group(1).toLowerCase(Locale.ROOT) : "";
                    boolean actsLikeAName = NAME_FOLLOWERS.contains(next) || next.endsWith("s") && next.length() > 3;
                    boolean known = lowerFirstNames.contains(lower)
                            && (capital || !lowerAmbiguous.contains(lower) || actsLikeAName)
                            && !NAME_FOLLOWERS.contains(lower) && !GENERIC.contains(lower);
                    if (known || capital && !KNOWN_CAPITALISED.contains(word) && !GENERIC.contains(word.toLowerCase(Locale.ROOT))
                            && !NAME_FOLLOWERS.contains(word.toLowerCase(Locale.ROOT))) {
                        int end = withSurname(text, shouted, matcher.end(g));
                        found.add(new Found(Kind.NAME, matcher.start(g), end, text.substring(matcher.start(g), end)));
                    }
                }
            }
        }
    }

    /**
     * Capitalised words: a known first name anywhere (but a name that is also an ordinary word, like
     * "Will" or "Hope", at the start of a sentence only when a verb follows it), and any other
     * capitalised word in mid-sentence that this field does not use, as a name or (after "in",
     * "from", "near") a place.
     */
    private void capitalised(String text, boolean[] shouted, List<Found> found) {
        List<int[]> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            int[] span = words.get(i);
            String word = word(text, span);
            String plain = word.replaceAll("['’]s$", "");
            if (word.length() >= 2 && !Character.isUpperCase(word.charAt(0))
                    && (isFirstName(plain) || plain.length() >= 3 && EnglishWords.properNoun(plain) && !knownInAnyCase(plain)
                    && !littleWord(plain) && !TITLE.matcher(plain + " x").lookingAt())) {
                // "we met jane at the hub", "from northbridge": a first name or a name the dictionary
                // has only with a capital, written in small letters.
                int end = span[0] + plain.length();
                String previous = i > 0 ? word(text, words.get(i - 1)).toLowerCase(Locale.ROOT) : "";
                found.add(new Found(PLACE_CUES.contains(previous) && !isFirstName(plain) ? Kind.PLACE : Kind.NAME,
                        span[0], end, text.substring(span[0], end)));
                continue;
            }
            if (word.length() >= 7 && isAcronym(word) && !KNOWN_CAPITALISED.contains(word)
                    && !EnglishWords.ordinary(word) && word.chars().allMatch(Character::isLetter)) {
                // "KOWALCZYK" alone: too long for an acronym of this field, and no word.
                found.add(new Found(Kind.NAME, span[0], span[1], word));
                continue;
            }
            if (!Character.isUpperCase(word.charAt(0)) || isAcronym(word) || word.length() < 2) {
                continue;
            }
            String bare = word.replaceAll("['’]s$", "");
            boolean start = sentenceStart(text, span[0]);
            String next = i + 1 < words.size() ? word(text, words.get(i + 1)).toLowerCase(Locale.ROOT) : "";
            boolean possessive = !bare.equals(word);
            if (firstNames.contains(bare)) {
                boolean ambiguous = AMBIGUOUS_NAMES.contains(bare);
                if (start && ambiguous && !possessive && !NAME_FOLLOWERS.contains(next)) {
                    continue;
                }
                if (!start && ambiguous && KNOWN_CAPITALISED.contains(bare) && !NAME_FOLLOWERS.contains(next)) {
                    continue;
                }
                int end = withSurname(text, shouted, span[0] + bare.length());
                found.add(new Found(Kind.NAME, span[0], end, text.substring(span[0], end)));
                continue;
            }
            if (KNOWN_CAPITALISED.contains(bare) || KNOWN_CAPITALISED.contains(word)) {
                continue;
            }
            boolean ordinary = EnglishWords.ordinary(bare) || littleWord(bare);
            if (start && ordinary || shouted[span[0]] && ordinary) {
                // A capital at the start of a sentence, or in words all in capitals, says nothing;
                // there only a word that is no ordinary word ("Kowalczyk never rang") is a name.
                continue;
            }
            String previous = i > 0 ? word(text, words.get(i - 1)).toLowerCase(Locale.ROOT) : "";
            if (previous.equals("the") && !possessive) {
                // "the Local Offer", "the Autism Hub": what follows "the" is a thing, not a person.
                continue;
            }
            int end = span[0] + bare.length();
            // Join capitalised words that follow ("Kingsford Green", "Abdi Hassan").
            int j = i + 1;
            while (j < words.size() && adjacent(text, words.get(j - 1), words.get(j))
                    && Character.isUpperCase(text.charAt(words.get(j)[0]))
                    && !KNOWN_CAPITALISED.contains(word(text, words.get(j))) && !isAcronym(word(text, words.get(j)))
                    && !(shouted[words.get(j)[0]] && EnglishWords.ordinary(word(text, words.get(j))))) {
                end = words.get(j)[0] + word(text, words.get(j)).replaceAll("['’]s$", "").length();
                j++;
            }
            Kind kind = PLACE_CUES.contains(previous) ? Kind.PLACE : Kind.NAME;
            found.add(new Found(kind, span[0], end, text.substring(span[0], end)));
            i = j - 1;
        }
    }

    /** Where a name ends, taking a capitalised surname after it ("Oliver Smith"). */
    private static int withSurname(String text, boolean[] shouted, int end) {
        Matcher next = Pattern.compile("^[ \\t]+([A-Z][a-zA-Z'’-]+)").matcher(text.substring(end));
        if (next.find()) {
            String surname = next.group(1).replaceAll("['’]s$", "");
            if (!KNOWN_CAPITALISED.contains(surname) && !isAcronym(surname)
                    && !(shouted[end + next.start(1)] && EnglishWords.ordinary(surname))
                    && !SCHOOL_WORDS.contains(surname.toLowerCase(Locale.ROOT))
                    && !ORGANISATION_WORDS.contains(surname.toLowerCase(Locale.ROOT))) {
                return end + next.start(1) + surname.length();
            }
        }
        return end;
    }

    /** "CAMHS", "GPs", "TA's": capitals throughout, a plural or possessive aside. */
    private static boolean isAcronym(String word) {
        String bare = word.replaceAll("(?:['’]?s)$", "");
        return bare.length() >= 2 && bare.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static boolean sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '\'' || c == '‘' || c == '(' || c == '-'
                    || c == '–') {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n';
        }
        return true;
    }

    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new int[]{matcher.start(), matcher.end()});
        }
        return words;
    }

    private static String word(String text, int[] span) {
        return text.substring(span[0], span[1]);
    }

    /** Whether two words are separated by spaces only (not by a full stop or a comma). */
    private static boolean adjacent(String text, int[] first, int[] second) {
        return text.substring(first[1], second[0]).isBlank();
    }

    /** Overlapping finds: the one that starts first wins, and the longer when two start together. */
    private static List<Found> withoutOverlaps(String text, List<Found> found) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
        List<Found> kept = new ArrayList<>();
        int reached = -1;
        for (Found part : sorted) {
            if (part.start() >= reached) {
                kept.add(part);
                reached = part.end();
            } else if (part.end() > reached) {
                // Overlapping the one before and reaching further: widen it, keeping its kind.
                Found before = kept.remove(kept.size() - 1);
                kept.add(new Found(before.kind(), before.start(), part.end(), text.substring(before.start(), part.end())));
                reached = part.end();
            }
        }
        return kept;
    }

    private static Set<String> stopWords() {
        Set<String> words = new HashSet<>();
        org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
        return Set.copyOf(words);
    }

    private static Set<String> loadNames() {
        try (InputStream in = QuoteChecker.class.getResourceAsStream("/reports/first-names.txt")) {
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    for (String name : line.trim().split("\\s+")) {
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
