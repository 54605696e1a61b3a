package se.samlyft.deploy.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Makes the base image that the services' images are built on when no registry is at hand: a Java runtime that
 * {@code jlink} cuts from the JDK running the build (only the modules the services use), the C library it links
 * against, copied from the build machine, a non-root user, and nothing else: no shell, no package manager. The image
 * is written as a tarball that Jib reads with {@code tar://}. Its layout follows Eclipse Temurin's JRE images (the
 * runtime in {@code /opt/java/openjdk}, {@code JAVA_HOME} and {@code PATH} set), so that a production build can take
 * Temurin's image, named by digest, instead.
 */
public final class BaseImage {

    /** Where the runtime lives in the image, as in Eclipse Temurin's images. */
    static final String JAVA_HOME = "/opt/java/openjdk";

    /** The user the services run as: not root, and the same number in every Samlyft image and manifest. */
    static final int USER = 65532;

    /**
     * The modules the services need: what {@code jdeps --print-module-deps} finds in their class paths, plus the
     * locale data for Swedish, the extra character sets of HR exports, DNS naming, the socket options Kafka's and
     * Netty's clients ask for, and the elliptic-curve and Kerberos-free SASL mechanisms of TLS and Kafka.
     */
    static final List<String> MODULES = List.of(
            "java.base",
            "java.compiler",
            "java.desktop",
            "java.instrument",
            "java.naming",
            "java.net.http",
            "java.prefs",
            "java.scripting",
            "java.security.jgss",
            "java.security.sasl",
            "java.sql",
            "java.sql.rowset",
            "jdk.charsets",
            "jdk.crypto.ec",
            "jdk.jfr",
            "jdk.localedata",
            "jdk.management",
            "jdk.naming.dns",
            "jdk.net",
            "jdk.security.auth",
            "jdk.unsupported",
            "jdk.zipfs");

    private static final Instant EPOCH_PLUS_ONE = Instant.ofEpochSecond(1);

    private final Path work;
    private final Path jdk;

    BaseImage(Path work, Path jdk) {
        this.work = work;
        this.jdk = jdk;
    }

    /**
     * Writes the base image: {@code BaseImage <tarball> <image name> [<work directory>]}, from the JDK that runs it.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BaseImage <tarball> <image name> [<work directory>]");
        }
        Path tarball = Path.of(args[0]).toAbsolutePath();
        Path work = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : tarball.resolveSibling("base-image-work");
        new BaseImage(work, Path.of(System.getProperty("java.home"))).write(tarball, args[1]);
    }

    void write(Path tarball, String imageName) throws Exception {
        Path runtime = link();
        Path etc = etc();
        Set<Path> libraries = SharedLibraries.neededBy(executables(runtime));
        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.Docker)
                .setCreationTime(EPOCH_PLUS_ONE)
                .setUser(USER + ":" + USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/"))
                .setEnvironment(environment())
                .addFileEntriesLayer(libraryLayer(libraries))
                .addFileEntriesLayer(treeLayer("java-runtime", runtime, AbsoluteUnixPath.get(JAVA_HOME)))
                .addFileEntriesLayer(treeLayer("etc", etc, AbsoluteUnixPath.get("/etc")))
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("tmp")
                        .addEntry(
                                Files.createDirectories(work.resolve("tmp")),
                                AbsoluteUnixPath.get("/tmp"),
                                FilePermissions.fromOctalString("777"),
                                EPOCH_PLUS_ONE)
                        .build());
        Files.createDirectories(tarball.getParent());
        image.containerize(Containerizer.to(TarImage.at(tarball).named(imageName))
                .setBaseImageLayersCache(work.resolve("jib-cache"))
                .setApplicationLayersCache(work.resolve("jib-cache"))
                .setOfflineMode(true));
    }

    static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", JAVA_HOME);
        environment.put("PATH", JAVA_HOME + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("LANG", "C.UTF-8");
        return environment;
    }

    /** The Java runtime: the listed modules of this JDK, without debug symbols, man pages and header files. */
    private Path link() throws IOException {
        Path runtime = work.resolve("java-runtime");
        deleteTree(runtime);
        Files.createDirectories(work);
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException(
                        "This JDK (" + jdk + ") has no jlink; build the images with a full JDK 21 or newer"));
        StringWriter output = new StringWriter();
        int status = jlink.run(
                new PrintWriter(output),
                new PrintWriter(output),
                "--module-path",
                jdk.resolve("jmods").toString(),
                "--add-modules",
                String.join(",", MODULES),
                "--include-locales=en,sv",
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                "--compress=zip-6",
                "--output",
                runtime.toString());
        if (status != 0) {
            throw new IllegalStateException("jlink failed (" + status + "): " + output);
        }
        return runtime;
    }

    /** The user and group of the services, and name resolution from /etc/hosts first (Kubernetes writes it). */
    private Path etc() throws IOException {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(
                etc.resolve("passwd"),
                "root:x:0:0:root:/root:/sbin/nologin\n" + "samlyft:x:" + USER + ":" + USER
                        + ":Samlyft:/tmp:/sbin/nologin\n",
                StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), "root:x:0:\nsamlyft:x:" + USER + ":\n", StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n", StandardCharsets.UTF_8);
        return etc;
    }

    /** Every file of the runtime the dynamic linker loads: its launchers and its shared libraries. */
    private static List<Path> executables(Path runtime) throws IOException {
        try (Stream<Path> files = Files.walk(runtime)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".so")
                            || file.getParent().getFileName().toString().equals("bin"))
                    .toList();
        }
    }

    private static FileEntriesLayer libraryLayer(Set<Path> libraries) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("c-library");
        for (Path library : libraries) {
            layer.addEntry(
                    library.toRealPath(),
                    AbsoluteUnixPath.get(library.toString()),
                    FilePermissions.fromOctalString("755"),
                    EPOCH_PLUS_ONE);
        }
        return layer.build();
    }

    private static FileEntriesLayer treeLayer(String name, Path source, AbsoluteUnixPath target) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        List<Path> paths;
        try (Stream<Path> tree = Files.walk(source)) {
            paths = tree.sorted().toList();
        }
        for (Path path : paths) {
            AbsoluteUnixPath inImage = target.resolve(source.relativize(path).toString());
            layer.addEntry(path, inImage, permissions(path), EPOCH_PLUS_ONE);
        }
        return layer.build();
    }

    private static FilePermissions permissions(Path path) {
        try {
            Set<PosixFilePermission> own = Files.getPosixFilePermissions(path);
            Set<PosixFilePermission> readable = new TreeSet<>(own);
            readable.removeAll(Set.of(
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OWNER_WRITE));
            readable.addAll(Set.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || own.contains(PosixFilePermission.OWNER_EXECUTE)) {
                readable.addAll(Set.of(
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
            }
            return FilePermissions.fromPosixFilePermissions(readable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> tree = Files.walk(root)) {
            paths = new ArrayList<>(tree.toList());
        }
        paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
