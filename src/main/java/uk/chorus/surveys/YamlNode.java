package uk.chorus.surveys;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping read field by field. Every mistake is reported with the line it is on, which is
 * why the loader reads SnakeYAML's node tree rather than plain maps (plain maps lose lines).
 */
final class YamlNode {
    private final Node node;
    private final Problems problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    private YamlNode(Node node, Problems problems) {
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String name = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
                NodeTuple earlier = fields.putIfAbsent(name, tuple);
                if (earlier != null) {
                    problems.add(tuple.getKeyNode(), "The field '" + name + "' is written twice (first on line "
                            + line(earlier.getKeyNode()) + "). Keep one.");
                }
            }
        }
    }

    /** Wraps a node that must be a mapping; reports a problem and returns empty if it is not. */
    static Optional<YamlNode> mapping(Node node, Problems problems, String what) {
        if (node instanceof MappingNode) {
            return Optional.of(new YamlNode(node, problems));
        }
        problems.add(node, what + " must be a set of fields (name: value).");
        return Optional.empty();
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    int line() {
        return line(node);
    }

    Node node() {
        return node;
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Every field's name and value node, in file order (for mappings keyed by the file's own names). */
    Map<String, Node> entries() {
        Map<String, Node> entries = new LinkedHashMap<>();
        fields.forEach((name, tuple) -> entries.put(name, tuple.getValueNode()));
        return entries;
    }

    Optional<Node> field(String name) {
        return Optional.ofNullable(fields.get(name)).map(NodeTuple::getValueNode);
    }

    void rejectUnknownFields(Collection<String> known, String where) {
        fields.forEach((name, tuple) -> {
            if (!known.contains(name)) {
                problems.add(tuple.getKeyNode(), "Unknown field '" + name + "' in " + where
                        + ". Known fields are: " + String.join(", ", known) + ".");
            }
        });
    }

    Optional<String> text(String name) {
        return field(name).flatMap(value -> {
            if (value instanceof ScalarNode scalar) {
                String text = scalar.getValue().strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
            problems.add(value, "The field '" + name + "' must be a single value, not a list or a set of fields.");
            return Optional.empty();
        });
    }

    Optional<String> requiredText(String name, String where) {
        Optional<String> value = text(name);
        if (value.isEmpty() && !has(name)) {
            problems.add(node, where + " needs a '" + name + "'.");
        } else if (value.isEmpty() && field(name).filter(n -> n instanceof ScalarNode).isPresent()) {
            problems.add(field(name).get(), "The field '" + name + "' must not be empty.");
        }
        return value;
    }

    Optional<Boolean> bool(String name) {
        return text(name).flatMap(value -> switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems.add(field(name).get(), "The field '" + name + "' must be true or false, not '" + value + "'.");
                yield Optional.empty();
            }
        });
    }

    Optional<Integer> integer(String name) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                problems.add(field(name).get(), "The field '" + name + "' must be a whole number, not '" + value + "'.");
                return Optional.empty();
            }
        });
    }

    Optional<LocalDate> date(String name, String where) {
        return requiredText(name, where).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                problems.add(field(name).get(), "The field '" + name + "' must be a date written like 2026-09-30, not '"
                        + value + "'.");
                return Optional.empty();
            }
        });
    }

    /** The items of a list field; a missing field is an empty list, a non-list is reported. */
    List<Node> list(String name) {
        Optional<Node> value = field(name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof SequenceNode sequence) {
            return new ArrayList<>(sequence.getValue());
        }
        problems.add(value.get(), "The field '" + name + "' must be a list (each item starting with '- ').");
        return List.of();
    }

    /** Collects problems for one file, each with its line. */
    /**
     * The problems found in one file. Only the first {@link #LISTED} are kept and listed, then one
     * line saying how many more there were: a file of 20,000 unknown keys must not be answered with
     * a 4 MB list (and a person fixes the first few and checks again anyway).
     */
    static final class Problems {
        static final int LISTED = 50;
        private final String file;
        private final List<DefinitionProblem> found = new ArrayList<>();
        private int more;
        private int lastLine = 1;

        Problems(String file) {
            this.file = file;
        }

        void add(Node node, String message) {
            add(line(node), message);
        }

        void add(int line, String message) {
            if (found.size() < LISTED) {
                found.add(new DefinitionProblem(file, line, message));
            } else {
                more++;
                lastLine = line;
            }
        }

        List<DefinitionProblem> all() {
            if (more == 0) {
                return List.copyOf(found);
            }
            List<DefinitionProblem> listed = new ArrayList<>(found);
            listed.add(new DefinitionProblem(file, lastLine, "And " + more + (more == 1 ? " more problem" : " more problems")
                    + " not listed here: fix the ones above and check the file again."));
            return List.copyOf(listed);
        }

        boolean any() {
            return !found.isEmpty();
        }
    }
}
