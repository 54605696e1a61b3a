package se.samlyft.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {

    private static final Path JAVA = Path.of("/opt/runtime/bin/java");

    @Test
    void readsTheLibrariesTheDynamicLinkerResolvedAndItself() {
        String ldd = """
                \tlinux-vdso.so.1 (0x00007ffd5a3c2000)
                \tlibjli.so => /opt/runtime/bin/../lib/libjli.so (0x00007f1bf2578000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1bf238c000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f1bf25a4000)
                """;

        assertThat(SharedLibraries.parse(ldd, JAVA, Set.of()))
                .containsExactly(
                        Path.of("/opt/runtime/bin/../lib/libjli.so"),
                        Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
                        Path.of("/lib64/ld-linux-x86-64.so.2"));
    }

    @Test
    void aStaticExecutableNeedsNothing() {
        assertThat(SharedLibraries.parse("\tnot a dynamic executable\n", JAVA, Set.of()))
                .isEmpty();
    }

    @Test
    void refusesALibraryThisMachineLacks() {
        String ldd = "\tlibz.so.1 => not found\n";

        assertThatThrownBy(() -> SharedLibraries.parse(ldd, JAVA, Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("libz.so.1");
    }

    @Test
    void aLibraryOfTheRuntimeItselfMayBeUnresolved() {
        String ldd = "\tlibjvm.so => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1bf238c000)\n";

        assertThat(SharedLibraries.parse(ldd, JAVA, Set.of("libjvm.so")))
                .containsExactly(Path.of("/lib/x86_64-linux-gnu/libc.so.6"));
    }
}
