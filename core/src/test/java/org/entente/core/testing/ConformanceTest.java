package org.entente.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ConformanceTest {
    @Test
    void anAbsentFolderSkipsTheTestWithAMessageNamingTheFolder() {
        String before = System.getProperty(Conformance.PROPERTY);
        try {
            System.setProperty(Conformance.PROPERTY, "/nonexistent/shared/conformance");
            assertThatThrownBy(Conformance::folder)
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("/nonexistent/shared/conformance");
        } finally {
            if (before == null) System.clearProperty(Conformance.PROPERTY);
            else System.setProperty(Conformance.PROPERTY, before);
        }
    }

    @Test
    void withoutThePropertyTheFolderIsFoundBesideTheProjectRoot() {
        String before = System.getProperty(Conformance.PROPERTY);
        try {
            System.clearProperty(Conformance.PROPERTY);
            Path location = Conformance.location();
            assertThat(location.getFileName().toString()).isEqualTo("conformance");
            assertThat(location.getParent().getFileName().toString()).isEqualTo("shared");
        } finally {
            if (before != null) System.setProperty(Conformance.PROPERTY, before);
        }
    }
}
