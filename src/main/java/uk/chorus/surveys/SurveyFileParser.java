package uk.chorus.surveys;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one survey file and checks it completely. Either the whole definition comes back or a
 * list of problems does, each with the file, the line and a plain sentence: a file is never
 * loaded in part.
 */
public final class SurveyFileParser {
    static final Pattern SURVEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern QUESTION_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern OPTION_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int DEFAULT_SHORT_TEXT_MAX = 200;
    static final int DEFAULT_LONG_TEXT_MAX = 2000;
    private static final int LONGEST_TEXT_ALLOWED = 10_000;
    // A notice that names its own number of people could promise something the results do not do.
    private static final Pattern NUMBER_PROMISED = Pattern.compile("(?i)\\b(at least|groups of|fewer than|more than)"
            + "\\s+\\d+");

    private static final List<String> SURVEY_FIELDS = List.of("id", "title", "audience", "introduction",
            "privacyNotice", "opens", "closes", "wave", "baseline", "retentionMonths", "forum", "smallestGroup", "countdown", "pages", "translations");
    static final List<String> FORUMS = List.of("parent-carer-forum", "youth-forum");
    private static final List<String> PAGE_FIELDS = List.of("title", "section", "questions");
    private static final List<String> QUESTION_FIELDS = List.of("key", "type", "text", "hint", "easyRead",
            "required", "options", "maxLength", "min", "max", "showIf", "about", "errorMessage", "lowLabel",
            "highLabel", "supportBox", "points", "better", "labels", "symbols");
    private static final List<String> SHOW_IF_FIELDS = List.of("question", "equals", "anyOf");

    static final List<Option> AGREEMENT_OPTIONS = List.of(
            new Option("strongly-agree", "Strongly agree"),
            new Option("agree", "Agree"),
            new Option("neither", "Neither agree nor disagree"),
            new Option("disagree", "Disagree"),
            new Option("strongly-disagree", "Strongly disagree"),
            new Option("dont-know", "Don't know"));
    static final List<Option> FACES_FIVE = List.of(
            new Option("really-good", "Really good"),
            new Option("good", "Good"),
            new Option("okay", "OK"),
            new Option("not-good", "Not good"),
            new Option("really-bad", "Really bad"),
            new Option("dont-know", "I don't know"));
    static final List<Option> FACES_THREE = List.of(
            new Option("good", "Good"),
            new Option("okay", "OK"),
            new Option("not-good", "Not good"),
            new Option("dont-know", "I don't know"));
    static final List<Option> YES_NO_OPTIONS = List.of(
            new Option("yes", "Yes"),
            new Option("no", "No"),
            new Option("not-sure", "Not sure"));

    public SurveyFileResult parse(String fileName, String content) {
        YamlNode.Problems problems = new YamlNode.Problems(fileName);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(line, "This is not valid YAML: " + e.getProblem() + ".");
            return SurveyFileResult.rejected(problems.all());
        } catch (YAMLException e) {
            problems.add(1, "This is not valid YAML: " + e.getMessage());
            return SurveyFileResult.rejected(problems.all());
        }
        if (root == null) {
            problems.add(1, "The file is empty.");
            return SurveyFileResult.rejected(problems.all());
        }
        Optional<SurveyDefinition> definition = YamlNode.mapping(root, problems, "A survey file")
                .flatMap(survey -> readSurvey(survey, fileName, problems));
        if (problems.any() || definition.isEmpty()) {
            return SurveyFileResult.rejected(problems.all());
        }
        return SurveyFileResult.loaded(definition.get());
    }

    private Optional<SurveyDefinition> readSurvey(YamlNode survey, String fileName, YamlNode.Problems problems) {
        survey.rejectUnknownFields(SURVEY_FIELDS, "the survey");
        String where = "The survey";
        Optional<String> id = survey.requiredText("id", where);
        id.ifPresent(value -> {
            if (!SURVEY_ID.matcher(value).matches()) {
                problems.add(survey.field("id").get(), "The id '" + value
                        + "' may use only lower-case letters, digits and hyphens (like family-voice-2026).");
            } else if (!fileName.equals(value + ".yml") && !fileName.equals(value + ".yaml")) {
                problems.add(survey.field("id").get(), "The id '" + value + "' must match the file name: call the file "
                        + value + ".yml.");
            }
        });
        Optional<String> title = survey.requiredText("title", where);
        Optional<Audience> audience = survey.requiredText("audience", where).flatMap(value -> {
            Optional<Audience> known = Audience.fromFileName(value);
            if (known.isEmpty()) {
                problems.add(survey.field("audience").get(), "Unknown audience '" + value
                        + "'. Use parents-carers, young-people or professionals.");
            }
            return known;
        });
        Optional<String> introduction = survey.requiredText("introduction", where);
        Optional<String> privacyNotice = survey.requiredText("privacyNotice", where);
        privacyNotice.filter(notice -> NUMBER_PROMISED.matcher(notice).find()).ifPresent(notice -> problems.add(
                survey.field("privacyNotice").get(), "The privacy notice promises a number of people itself: write "
                        + SmallestGroup.PLACEHOLDER + " instead, so what it promises is always what results do "
                        + "(CHORUS_SMALLEST_GROUP, or smallestGroup in this file)."));
        var opens = survey.date("opens", where);
        var closes = survey.date("closes", where);
        if (opens.isPresent() && closes.isPresent() && closes.get().isBefore(opens.get())) {
            problems.add(survey.field("closes").get(), "The survey closes before it opens: 'closes' must be on or after "
                    + opens.get() + ".");
        }
        Optional<Integer> wave = survey.integer("wave");
        if (!survey.has("wave")) {
            problems.add(survey.node(), "The survey needs a 'wave' (the year it runs, like 2026).");
        }
        Optional<String> baseline = survey.text("baseline");
        if (baseline.isPresent() && id.isPresent() && baseline.get().equals(id.get())) {
            problems.add(survey.field("baseline").get(), "A survey cannot be its own baseline. Leave 'baseline' out for "
                    + "the first wave; later waves name the earlier survey's id.");
        }

        Optional<Integer> retention = survey.integer("retentionMonths");
        retention.filter(months -> months < 1 || months > 120).ifPresent(months -> problems.add(
                survey.field("retentionMonths").get(), "'retentionMonths' must be from 1 to 120 (months after the "
                        + "survey closes that raw answers are kept)."));
        Optional<Integer> smallestGroup = survey.integer("smallestGroup");
        smallestGroup.filter(n -> n < 2 || n > 100).ifPresent(n -> problems.add(survey.field("smallestGroup").get(),
                "'smallestGroup' must be from 2 to 100: the fewest people a published figure may describe."));
        Optional<String> forum = survey.text("forum");
        forum.filter(f -> !FORUMS.contains(f)).ifPresent(f -> problems.add(survey.field("forum").get(),
                "Unknown forum '" + f + "'. Use " + String.join(" or ", FORUMS) + ", or leave 'forum' out for a "
                        + "staff team's survey."));
        List<Node> pageNodes = survey.list("pages");
        if (pageNodes.isEmpty()) {
            problems.add(survey.field("pages").orElse(survey.node()), "The survey needs at least one page of questions.");
        }
        Map<String, Question> earlier = new HashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        List<Page> pages = new ArrayList<>();
        for (Node pageNode : pageNodes) {
            YamlNode.mapping(pageNode, problems, "A page")
                    .map(page -> readPage(page, earlier, keyLines, problems))
                    .ifPresent(pages::add);
        }
        if (problems.any()) {
            return Optional.empty();
        }
        SurveyDefinition english = new SurveyDefinition(id.get(), title.get(), audience.get(), introduction.get(),
                privacyNotice.get(), opens.get(), closes.get(), wave.get(), baseline.orElse(null),
                retention.orElse(null), forum.orElse(null), smallestGroup.orElse(null),
                survey.bool("countdown").filter(Boolean::booleanValue).orElse(null), List.copyOf(pages));
        Map<String, Translation> translations = survey.field("translations")
                .flatMap(node -> YamlNode.mapping(node, problems, "'translations'"))
                .map(node -> TranslationReader.read(node, SurveyTexts.source(english), problems))
                .orElse(Map.of());
        if (problems.any()) {
            return Optional.empty();
        }
        return Optional.of(new SurveyDefinition(english.id(), english.title(), english.audience(),
                english.introduction(), english.privacyNotice(), english.opens(), english.closes(), english.wave(),
                english.baseline(), english.retentionMonths(), english.forum(), english.smallestGroup(),
                english.countdown(), english.pages(), translations));
    }

    private Page readPage(YamlNode page, Map<String, Question> earlierPages, Map<String, Integer> keyLines,
                          YamlNode.Problems problems) {
        page.rejectUnknownFields(PAGE_FIELDS, "a page");
        List<Node> questionNodes = page.list("questions");
        if (questionNodes.isEmpty()) {
            problems.add(page.node(), "A page needs at least one question under 'questions'.");
        }
        Map<String, Question> thisPage = new HashMap<>();
        List<Question> questions = new ArrayList<>();
        for (Node questionNode : questionNodes) {
            YamlNode.mapping(questionNode, problems, "A question")
                    .flatMap(q -> readQuestion(q, earlierPages, thisPage, keyLines, problems))
                    .ifPresent(q -> {
                        questions.add(q);
                        thisPage.put(q.key(), q);
                    });
        }
        if (questionNodes.size() > 1 && page.text("title").isEmpty()) {
            problems.add(page.node(), "A page with more than one question needs a 'title', used as its heading.");
        }
        earlierPages.putAll(thisPage);
        return new Page(page.text("title").orElse(null), page.text("section").orElse(null), List.copyOf(questions));
    }

    private Optional<Question> readQuestion(YamlNode q, Map<String, Question> earlierPages,
                                            Map<String, Question> thisPage, Map<String, Integer> keyLines,
                                            YamlNode.Problems problems) {
        int problemsBefore = problems.all().size();
        q.rejectUnknownFields(QUESTION_FIELDS, "a question");
        String where = "This question";
        Optional<String> key = q.requiredText("key", where);
        key.ifPresent(value -> {
            Node at = q.field("key").get();
            if (!QUESTION_KEY.matcher(value).matches()) {
                problems.add(at, "The key '" + value + "' may use only lower-case letters, digits and underscores, "
                        + "starting with a letter (like needs_met_education).");
            } else if (keyLines.containsKey(value)) {
                problems.add(at, "Duplicate key '" + value + "': it is already used on line " + keyLines.get(value)
                        + ". Every question needs its own key.");
            } else {
                keyLines.put(value, YamlNode.line(at));
            }
        });
        Optional<String> text = q.requiredText("text", where);
        Optional<QuestionType> type = q.requiredText("type", where).flatMap(value -> {
            Optional<QuestionType> known = QuestionType.fromFileName(value);
            if (known.isEmpty()) {
                problems.add(q.field("type").get(), "Unknown type '" + value + "'. Use one of: "
                        + String.join(", ", QuestionType.fileNames()) + ".");
            }
            return known;
        });
        boolean required = q.bool("required").orElse(false);
        Optional<AboutYouTopic> about = readAbout(q, type, problems);
        List<Option> options = type.map(t -> readOptions(q, t, about, problems)).orElse(List.of());
        Integer maxLength = type.map(t -> readMaxLength(q, t, problems)).orElse(null);
        Integer min = q.integer("min").orElse(null);
        Integer max = q.integer("max").orElse(null);
        if ((min != null || max != null) && type.isPresent() && type.get() != QuestionType.NUMBER) {
            problems.add(q.node(), "Only number questions take 'min' and 'max'.");
        }
        if (min != null && max != null && max < min) {
            problems.add(q.field("max").get(), "'max' (" + max + ") must not be less than 'min' (" + min + ").");
        }
        Optional<String> lowLabel = q.text("lowLabel");
        Optional<String> highLabel = q.text("highLabel");
        if ((lowLabel.isPresent() || highLabel.isPresent()) && type.isPresent() && type.get() != QuestionType.RATING) {
            problems.add(q.node(), "Only rating questions take 'lowLabel' and 'highLabel' (the words for 0 and 10).");
        }
        q.integer("points").ifPresent(points -> {
            if (type.isPresent() && type.get() != QuestionType.FACES) {
                problems.add(q.field("points").get(), "Only faces questions take 'points'.");
            } else if (points != 3 && points != 5) {
                problems.add(q.field("points").get(), "'points' must be 3 or 5.");
            }
        });
        Optional<String> better = q.text("better");
        better.filter(b -> !b.equals("higher") && !b.equals("lower") && !b.equals("neither")).ifPresent(b ->
                problems.add(q.field("better").get(), "'better' must be higher, lower or neither (which way is an "
                        + "improvement when waves are compared), not '" + b + "'."));
        ShowIf showIf = q.field("showIf")
                .flatMap(node -> YamlNode.mapping(node, problems, "showIf"))
                .flatMap(node -> readShowIf(node, key.orElse("?"), earlierPages, thisPage, problems))
                .orElse(null);
        if (problems.all().size() > problemsBefore) {
            return Optional.empty();
        }
        List<Option> labelled = relabel(q, options, problems);
        List<Symbol> symbols = readSymbols(q, problems);
        if (problems.all().size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Question(key.get(), type.get(), text.get(), q.text("hint").orElse(null),
                q.text("easyRead").orElse(null), required, labelled, maxLength, min, max, showIf,
                about.orElse(null), q.text("errorMessage").orElse(null), lowLabel.orElse(null), highLabel.orElse(null),
                q.bool("supportBox").orElse(null), better.orElse(null), symbols));
    }

    /**
     * Words that fit the question for a fixed list of answers ("Very safe" rather than "Really
     * good" for "How safe do you feel"), keeping the codes, so results still pool and compare.
     */
    private List<Option> relabel(YamlNode q, List<Option> options, YamlNode.Problems problems) {
        Optional<Node> labels = q.field("labels");
        if (labels.isEmpty()) {
            return options;
        }
        Optional<YamlNode> mapping = YamlNode.mapping(labels.get(), problems, "'labels'");
        if (mapping.isEmpty()) {
            return options;
        }
        Map<String, String> byCode = new HashMap<>();
        mapping.get().entries().forEach((code, node) -> {
            boolean known = options.stream().anyMatch(o -> o.code().equals(code));
            if (!known || !(node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar)
                    || scalar.getValue().isBlank()) {
                problems.add(node, "'labels' gives words for the codes of this question's answers: '" + code
                        + "' is not one of " + String.join(", ", options.stream().map(Option::code).toList())
                        + ", or its words are missing.");
            } else {
                byCode.put(code, scalar.getValue().strip());
            }
        });
        return options.stream().map(o -> new Option(o.code(), byCode.getOrDefault(o.code(), o.label()))).toList();
    }

    private List<Symbol> readSymbols(YamlNode q, YamlNode.Problems problems) {
        List<Symbol> symbols = new ArrayList<>();
        for (Node node : q.list("symbols")) {
            YamlNode.mapping(node, problems, "A symbol").ifPresent(symbol -> {
                symbol.rejectUnknownFields(List.of("name", "alt"), "a symbol");
                Optional<String> name = symbol.requiredText("name", "This symbol");
                Optional<String> alt = symbol.requiredText("alt", "This symbol (the words it stands for)");
                name.filter(n -> !Symbols.exists(n)).ifPresent(n -> problems.add(symbol.node(), "There is no "
                        + "symbol called '" + n + "'. Use one of: " + String.join(", ", Symbols.names()) + "."));
                if (name.isPresent() && alt.isPresent() && Symbols.exists(name.get())) {
                    symbols.add(new Symbol(name.get(), alt.get()));
                }
            });
        }
        return symbols;
    }

    private Optional<AboutYouTopic> readAbout(YamlNode q, Optional<QuestionType> type, YamlNode.Problems problems) {
        Optional<String> about = q.text("about");
        if (type.filter(t -> t == QuestionType.ABOUT_YOU).isEmpty()) {
            about.ifPresent(value -> problems.add(q.field("about").get(), "Only about-you questions take 'about'."));
            return Optional.empty();
        }
        if (about.isEmpty()) {
            problems.add(q.node(), "An about-you question needs 'about': one of "
                    + String.join(", ", AboutYouTopic.fileNames()) + ".");
            return Optional.empty();
        }
        Optional<AboutYouTopic> topic = AboutYouTopic.fromFileName(about.get());
        if (topic.isEmpty()) {
            problems.add(q.field("about").get(), "Unknown about-you topic '" + about.get() + "'. Use one of: "
                    + String.join(", ", AboutYouTopic.fileNames()) + ".");
        }
        return topic;
    }

    private List<Option> readOptions(YamlNode q, QuestionType type, Optional<AboutYouTopic> about,
                                     YamlNode.Problems problems) {
        List<Node> written = q.list("options");
        boolean takesOptions = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE
                || type == QuestionType.ABOUT_YOU;
        if (!takesOptions) {
            if (!written.isEmpty()) {
                problems.add(q.field("options").get(), "A " + type.fileName() + " question has fixed answers and "
                        + "takes no 'options'.");
            }
            return fixedOptions(type, q.integer("points").orElse(5));
        }
        List<Option> options = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Node node : written) {
            YamlNode.mapping(node, problems, "An option").ifPresent(option -> {
                option.rejectUnknownFields(List.of("code", "label"), "an option");
                Optional<String> code = option.requiredText("code", "This option");
                Optional<String> label = option.requiredText("label", "This option");
                code.ifPresent(c -> {
                    if (!OPTION_CODE.matcher(c).matches()) {
                        problems.add(option.field("code").get(), "The option code '" + c
                                + "' may use only lower-case letters, digits and hyphens.");
                    } else if (!codes.add(c)) {
                        problems.add(option.field("code").get(), "Duplicate option code '" + c + "' in this question.");
                    }
                });
                if (code.isPresent() && label.isPresent()) {
                    options.add(new Option(code.get(), label.get()));
                }
            });
        }
        if (type == QuestionType.ABOUT_YOU && about.isPresent()) {
            if (options.isEmpty()) {
                if (about.get().needsOptionsFromFile()) {
                    problems.add(q.node(), "An about-you question on 'area' needs 'options': the areas of your "
                            + "local authority.");
                }
                options.addAll(about.get().standardOptions());
            }
            if (options.stream().noneMatch(o -> o.code().equals(AboutYouTopic.PREFER_NOT_TO_SAY.code()))) {
                options.add(AboutYouTopic.PREFER_NOT_TO_SAY);
            }
        } else if (type != QuestionType.ABOUT_YOU && options.size() < 2) {
            problems.add(q.field("options").orElse(q.node()), "A " + type.fileName()
                    + " question needs 'options': at least two, each with a code and a label.");
        }
        return List.copyOf(options);
    }

    /**
     * The answers a type with fixed answers always has (agreement, faces of 3 or 5 points, yes/no,
     * rating), as the loader fills them in; empty for types whose options are written out.
     */
    public static List<Option> fixedOptions(QuestionType type, int facesPoints) {
        return switch (type) {
            case AGREEMENT -> AGREEMENT_OPTIONS;
            case FACES -> facesPoints == 3 ? FACES_THREE : FACES_FIVE;
            case YES_NO -> YES_NO_OPTIONS;
            case RATING -> ratingOptions();
            default -> List.of();
        };
    }

    /** Whether a faces question has the 3-point scale (its options are the 3 faces and "I don't know"). */
    public static boolean hasThreeFaces(Question question) {
        return question.type() == QuestionType.FACES && question.options().size() == FACES_THREE.size();
    }

    private static List<Option> ratingOptions() {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            options.add(new Option(Integer.toString(i), Integer.toString(i)));
        }
        return List.copyOf(options);
    }

    private Integer readMaxLength(YamlNode q, QuestionType type, YamlNode.Problems problems) {
        Optional<Integer> written = q.integer("maxLength");
        if (!type.isText()) {
            written.ifPresent(v -> problems.add(q.field("maxLength").get(), "Only text questions take 'maxLength'."));
            return null;
        }
        int value = written.orElse(type == QuestionType.LONG_TEXT ? DEFAULT_LONG_TEXT_MAX : DEFAULT_SHORT_TEXT_MAX);
        if (value < 1 || value > LONGEST_TEXT_ALLOWED) {
            problems.add(q.field("maxLength").get(), "'maxLength' must be between 1 and " + LONGEST_TEXT_ALLOWED + ".");
        }
        return value;
    }

    private Optional<ShowIf> readShowIf(YamlNode showIf, String key, Map<String, Question> earlierPages,
                                        Map<String, Question> thisPage, YamlNode.Problems problems) {
        showIf.rejectUnknownFields(SHOW_IF_FIELDS, "showIf");
        Optional<String> target = showIf.requiredText("question", "showIf");
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Node at = showIf.field("question").get();
        Question depended = earlierPages.get(target.get());
        if (depended == null) {
            if (thisPage.containsKey(target.get())) {
                problems.add(at, "showIf on '" + key + "' points at '" + target.get() + "', which is on the same page. "
                        + "It must point at a question on an earlier page, so the survey works without JavaScript.");
            } else {
                problems.add(at, "showIf on '" + key + "' points at '" + target.get() + "', which is not an earlier "
                        + "question. It must point at a question on an earlier page (it may be later or missing).");
            }
            return Optional.empty();
        }
        if (!depended.type().canBeConditionedOn()) {
            problems.add(at, "showIf on '" + key + "' points at '" + target.get() + "', a " + depended.type().fileName()
                    + " question. showIf can only depend on questions with fixed answers.");
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        showIf.text("equals").ifPresent(codes::add);
        for (Node node : showIf.list("anyOf")) {
            if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
                codes.add(scalar.getValue());
            }
        }
        if (codes.isEmpty()) {
            problems.add(showIf.node(), "showIf on '" + key + "' needs 'equals' (one answer code) or 'anyOf' (a list).");
            return Optional.empty();
        }
        for (String code : codes) {
            if (depended.option(code).isEmpty()) {
                problems.add(showIf.node(), "showIf on '" + key + "' uses '" + code + "', which is not an answer of '"
                        + target.get() + "'. Its codes are: "
                        + String.join(", ", depended.options().stream().map(Option::code).toList()) + ".");
                return Optional.empty();
            }
        }
        return Optional.of(new ShowIf(target.get(), List.copyOf(codes)));
    }
}
