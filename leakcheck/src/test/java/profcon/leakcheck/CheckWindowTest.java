package profcon.leakcheck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Two checks at once in one JVM cannot both be true: the overlap is an error, however the run was configured. */
class CheckWindowTest {
    @Test
    void overlappingChecksFailBothAndSayWhy() {
        CheckWindow first = CheckWindow.open();
        CheckWindow second = CheckWindow.open();
        assertThatThrownBy(() -> second.close("B#b()")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot check B#b(): another thread-leak check ran at the same time");
        assertThatThrownBy(() -> first.close("A#a()")).hasMessageContaining("cannot check A#a()");
    }

    @Test
    void checksOneAfterAnotherPass() {
        CheckWindow first = CheckWindow.open();
        assertThatCode(() -> first.close("A#a()")).doesNotThrowAnyException();
        CheckWindow second = CheckWindow.open();
        assertThatCode(() -> second.close("B#b()")).doesNotThrowAnyException();
    }
}
