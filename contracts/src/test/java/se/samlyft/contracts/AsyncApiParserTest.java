package se.samlyft.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document passes the official AsyncAPI parser ({@code @asyncapi/parser}, as the npm registry publishes
 * it), run on the JVM by GraalJS so that the build needs nothing but a JDK and Maven. The parser's package is fetched
 * from the registry once, checked against its published integrity hash, and kept under {@code ~/.m2}; the schemas the
 * document refers to are read from this module.
 */
class AsyncApiParserTest {

    private static final String PARSER_VERSION = "3.6.3";
    private static final String PARSER_TARBALL =
            "https://registry.npmjs.org/@asyncapi/parser/-/parser-" + PARSER_VERSION + ".tgz";
    private static final String PARSER_INTEGRITY =
            "sha512-MUC8xIUMcS2qNvqrqyx/ie0txu3d/OdIsrXs7UCzawdyR6P07gh35DpOqPz/z57s1UA3vERVpcheZYl3h8cVtw==";
    private static final String BUNDLE = "package/browser/index.js";
    private static final Path CONTRACTS = Path.of("src/main/resources/contracts");

    /** Severity 0 is an error in the parser's diagnostics; 1 a warning, 2 information, 3 a hint. */
    private static final int ERROR = 0;

    @Test
    void theOfficialParserFindsNoErrorInTheAsyncApiDocumentAndOneInABrokenCopy() throws Exception {
        String bundle = parserBundle();
        String document = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        String broken = document.replaceFirst(
                "\\$ref: '#/components/messages/coursePublished'", "\\$ref: '#/components/messages/nothingHere'");
        assertThat(broken).as("the copy is broken").isNotEqualTo(document);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        // The parser recurses deeply through a document; the interpreter needs a deeper stack than a test thread's.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread parsing = new Thread(
                null,
                () -> {
                    try {
                        parse(bundle, Map.of("asyncapi.yaml", document, "broken copy", broken), errors, notes);
                    } catch (Throwable thrown) {
                        failure.set(thrown);
                    }
                },
                "asyncapi-parser",
                512L * 1024 * 1024);
        parsing.start();
        parsing.join();
        if (failure.get() != null) {
            throw new AssertionError("The parser failed", failure.get());
        }
        notes.forEach(note -> System.out.println("AsyncAPI parser note: " + note));
        assertThat(errors.get("asyncapi.yaml")).isEmpty();
        assertThat(errors.get("broken copy")).as("errors in the broken copy").isNotEmpty();
    }

    /** Validates each document with one parser, collecting its errors, and notes of lower severity. */
    private static void parse(
            String bundle, Map<String, String> documents, Map<String, List<String>> errors, List<String> notes)
            throws IOException {
        try (Context js = Context.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .allowAllAccess(true)
                .build()) {
            js.eval("js", """
                    globalThis.self = globalThis;
                    globalThis.window = globalThis;
                    globalThis.setTimeout = (callback, ms, ...args) => { Promise.resolve().then(() => callback(...args)); return 0; };
                    globalThis.clearTimeout = () => {};
                    globalThis.fetch = () => Promise.reject(new Error('the contract check reads no URL'));
                    globalThis.Headers = class {}; globalThis.Request = class {}; globalThis.Response = class {};
                    globalThis.AbortSignal = class {};
                    globalThis.AbortController = class { constructor() { this.signal = new AbortSignal(); } abort() {} };
                    var module = { exports: {} };
                    var exports = module.exports;
                    """);
            js.eval(Source.newBuilder("js", bundle, "asyncapi-parser.js").build());
            Value parser = js.eval("js", "new module.exports()");
            Function<String, String> readFile = AsyncApiParserTest::readContract;
            js.getBindings("js").putMember("readContract", readFile);
            js.getBindings("js").putMember("parser", parser);
            Value validate = js.eval("js", """
                    (document) => {
                      const result = { done: false, diagnostics: [], failure: null };
                      parser.validate(document, {
                          source: 'file:///contracts/asyncapi.yaml',
                          __unstable: { resolver: { resolvers: [
                              { schema: 'file', read: (uri) => readContract.apply(uri.path()) } ] } }
                        })
                        .then(found => { result.diagnostics = found.map(d =>
                            ({ severity: d.severity, code: String(d.code), message: d.message,
                               path: d.path.join('.') })); result.done = true; })
                        .catch(error => { result.failure = String(error); result.done = true; });
                      return result;
                    }""");
            documents.forEach((name, document) -> {
                Value result = validate.execute(document);
                assertThat(result.getMember("failure").isNull())
                        .as(String.valueOf(result.getMember("failure")))
                        .isTrue();
                assertThat(result.getMember("done").asBoolean())
                        .as("the parser finished with " + name)
                        .isTrue();
                List<String> found = new ArrayList<>();
                Value diagnostics = result.getMember("diagnostics");
                for (long i = 0; i < diagnostics.getArraySize(); i++) {
                    Value diagnostic = diagnostics.getArrayElement(i);
                    String text = name + ": " + diagnostic.getMember("code").asString() + " at "
                            + diagnostic.getMember("path").asString() + ": "
                            + diagnostic.getMember("message").asString();
                    if (diagnostic.getMember("severity").asInt() == ERROR) {
                        found.add(text);
                    } else {
                        notes.add(text);
                    }
                }
                errors.put(name, found);
            });
        }
    }

    /** Reads a file the document refers to, by its path under the document's directory. */
    private static String readContract(String path) {
        String relative = path.replaceFirst("^/contracts/", "");
        Path file = CONTRACTS.resolve(relative).normalize();
        if (!file.startsWith(CONTRACTS)) {
            throw new IllegalArgumentException("Outside the contracts: " + path);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parser's browser bundle, from the package fetched once from the npm registry and checked. */
    private static String parserBundle() throws IOException {
        Path cached = Path.of(
                System.getProperty("user.home"), ".m2", "npm", "@asyncapi", "parser-" + PARSER_VERSION + ".tgz");
        if (!Files.exists(cached) || !integrityOf(Files.readAllBytes(cached)).equals(PARSER_INTEGRITY)) {
            Files.createDirectories(cached.getParent());
            Files.write(cached, download(PARSER_TARBALL));
        }
        byte[] tarball = Files.readAllBytes(cached);
        assertThat(integrityOf(tarball))
                .as("the integrity of " + PARSER_TARBALL)
                .isEqualTo(PARSER_INTEGRITY);
        return new String(entryOf(tarball, BUNDLE), StandardCharsets.UTF_8);
    }

    private static byte[] download(String url) throws IOException {
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build()) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofMinutes(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        }
    }

    private static String integrityOf(byte[] content) {
        try {
            return "sha512-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file of a gzipped tar archive (ustar: 512-byte headers, sizes in octal, contents padded to 512 bytes). */
    private static byte[] entryOf(byte[] tarball, String name) throws IOException {
        try (InputStream tar = new GZIPInputStream(new java.io.ByteArrayInputStream(tarball))) {
            byte[] header = new byte[512];
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String entry = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                String prefix = new String(header, 345, 155, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(
                        new String(header, 124, 12, StandardCharsets.US_ASCII)
                                .replace("\0", "")
                                .trim(),
                        8);
                String path = prefix.isEmpty() ? entry : prefix + "/" + entry;
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                content.write(tar.readNBytes((int) size));
                tar.skipNBytes((512 - size % 512) % 512);
                if (path.equals(name)) {
                    return content.toByteArray();
                }
            }
        }
        throw new IOException(name + " is not in the package");
    }
}
