package org.clinicalsenate.api.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Bundles a contract file and the files it refers to into one self-contained file, keeping
 * everything as written: the same schemas, examples and descriptions, components under their own
 * names and local {@code $ref}s to them. Only cross-file references change:
 * <ul>
 * <li>a reference to another file's component ({@code common.yaml#/components/schemas/Problem})
 * brings that component into the bundle's components under its name and becomes local
 * ({@code #/components/schemas/Problem}); a component the root defines as a mere reference to
 * another file's component of the same name is that component;</li>
 * <li>any other reference (e.g. a path item in a fragment file) is replaced by what it points at.</li>
 * </ul>
 * Two different components of one name are an error (rename one), never a silent rename. Strings
 * that a YAML 1.1 parser would read as another type (dates, numbers, booleans, {@code null},
 * {@code yes}...) are written quoted.
 * <p>
 * Run by the build: {@code ContractBundler <source dir> <output dir> <file>...}; each file (relative
 * to the source dir) is bundled to the same relative path under the output dir.
 */
public final class ContractBundler {

    private static final Pattern COMPONENT = Pattern.compile("^/components/([^/]+)/([^/]+)$");
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new YamlTypeQuoting())
                    .build())
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private final Path root;
    private final Map<Path, JsonNode> files = new HashMap<>();
    /** Components already in the bundle, by where they come from ({@code file#pointer}): their local ref. */
    private final Map<String, String> imported = new HashMap<>();
    /** Where each local component came from, for error messages. */
    private final Map<String, String> origins = new HashMap<>();
    /** A component whose name was already taken: compared once everything is resolved. */
    private final List<Clash> clashes = new ArrayList<>();
    private ObjectNode bundle;

    private record Target(Path file, String pointer, JsonNode node) {
        String key() {
            return file + "#" + pointer;
        }
    }

    private record Clash(String local, String origin, JsonNode resolved) {
    }

    private ContractBundler(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ContractBundler <source dir> <output dir> <file>...");
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            Path target = output.resolve(args[i]);
            Files.createDirectories(target.getParent());
            Files.writeString(target, toYaml(bundle(source.resolve(args[i]))), StandardCharsets.UTF_8);
        }
    }

    /** The contract file at {@code root} with every file it refers to, as one document. */
    public static ObjectNode bundle(Path root) {
        return new ContractBundler(root).run();
    }

    /** YAML that reads back as the same tree, with any YAML 1.1 parser. */
    public static String toYaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode run() {
        bundle = ((ObjectNode) read(root)).deepCopy();
        // the root's own components keep their names
        JsonNode components = bundle.path("components");
        components.properties().forEach(section -> section.getValue().properties().forEach(component -> {
            String pointer = "/components/" + escape(section.getKey()) + "/" + escape(component.getKey());
            imported.put(root + "#" + pointer, "#" + pointer);
            origins.put("#" + pointer, root.getFileName() + "#" + pointer);
        }));
        resolve(bundle, root, "");
        danglingReferences(bundle, "");
        for (Clash clash : clashes) {
            JsonNode existing = bundle.at(clash.local.substring(1));
            if (!existing.equals(clash.resolved)) {
                throw new IllegalStateException(clash.local + " is defined differently in "
                        + origins.get(clash.local) + " and in " + clash.origin + ": give one another name");
            }
        }
        return bundle;
    }

    /** Resolves the references in {@code node} (of {@code file}); returns the node to put in its place. */
    private JsonNode resolve(JsonNode node, Path file, String where) {
        if (node instanceof ObjectNode object) {
            if (object.path("$ref").isTextual()) {
                return reference(object, file, where);
            }
            // a copy of the names: resolving may add components to the very object being walked
            for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
                object.set(name, resolve(object.get(name), file, where + "/" + escape(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), file, where + "/" + i));
            }
        }
        return node;
    }

    private JsonNode reference(ObjectNode reference, Path file, String where) {
        String ref = reference.get("$ref").asText();
        if (file.equals(root) && ref.startsWith("#")) {
            return reference; // already local (checked against the whole bundle at the end)
        }
        Target target = target(file, ref, where);
        if (target.file.equals(root)) {
            return withRef(reference, "#" + target.pointer);
        }
        Matcher component = COMPONENT.matcher(target.pointer);
        if (component.matches()) {
            if (file.equals(root) && where.equals(target.pointer)) {
                // the root names another file's component as its own: it is that component
                return resolve(target.node.deepCopy(), target.file, where);
            }
            return withRef(reference, importComponent(target, component.group(1), component.group(2)));
        }
        if (reference.size() > 1) {
            throw new IllegalStateException(where + " in " + file + ": keys beside a $ref to "
                    + target.key() + " would be lost; move them into what it refers to");
        }
        return resolve(target.node.deepCopy(), target.file, where);
    }

    private void danglingReferences(JsonNode node, String where) {
        if (node.path("$ref").isTextual() && bundle.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
            throw new IllegalStateException(where + " in " + root + ": $ref " + node.get("$ref").asText()
                    + " leads nowhere");
        }
        if (node.isObject()) {
            node.properties().forEach(field -> danglingReferences(field.getValue(), where + "/" + escape(field.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                danglingReferences(node.get(i), where + "/" + i);
            }
        }
    }

    private String importComponent(Target target, String section, String escapedName) {
        String known = imported.get(target.key());
        if (known != null) {
            return known;
        }
        String local = "#/components/" + section + "/" + escapedName;
        imported.put(target.key(), local);
        ObjectNode components = bundle.withObjectProperty("components").withObjectProperty(unescape(section));
        String name = unescape(escapedName);
        boolean taken = components.has(name);
        if (!taken) {
            components.putNull(name); // keeps the place (and marks the name) while its own references resolve
            origins.put(local, relative(target.file) + "#" + target.pointer);
        }
        JsonNode resolved = resolve(target.node.deepCopy(), target.file, local.substring(1));
        if (taken) {
            clashes.add(new Clash(local, relative(target.file) + "#" + target.pointer, resolved));
        } else {
            components.set(name, resolved);
        }
        return local;
    }

    private Target target(Path file, String ref, String where) {
        int hash = ref.indexOf('#');
        String location = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        if (location.contains("://")) {
            throw new IllegalStateException(where + " in " + file + ": remote $ref " + ref + " is not supported");
        }
        Path targetFile = location.isEmpty() ? file : file.resolveSibling(location).normalize();
        JsonNode node = read(targetFile).at(JsonPointer.compile(pointer));
        if (node.isMissingNode()) {
            throw new IllegalStateException(where + " in " + file + ": $ref " + ref + " leads nowhere");
        }
        return new Target(targetFile, pointer, node);
    }

    private JsonNode read(Path file) {
        return files.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return YAML.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + f, e);
            }
        });
    }

    private static ObjectNode withRef(ObjectNode reference, String ref) {
        ObjectNode copy = reference.deepCopy();
        copy.put("$ref", ref);
        return copy;
    }

    private String relative(Path file) {
        return root.getParent().relativize(file).toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /**
     * Quotes a string wherever a YAML 1.1 parser (the most eager to guess types) would read it as
     * anything but a string: {@code 2026-11-23}, {@code 1.0}, {@code yes}, {@code null}, {@code 200}.
     */
    static final class YamlTypeQuoting extends StringQuotingChecker {

        private static final Resolver RESOLVER = new Resolver();
        private final StringQuotingChecker defaults = StringQuotingChecker.Default.instance();

        @Override
        public boolean needToQuoteName(String name) {
            return defaults.needToQuoteName(name) || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, name, true));
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return defaults.needToQuoteValue(value) || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, value, true));
        }
    }
}
