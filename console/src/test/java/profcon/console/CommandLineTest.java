package profcon.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void splitsWordsAndKeepsQuotedSpaces() throws Exception {
        assertThat(CommandLine.parse("  save  'my file.pb.gz'  ").words()).containsExactly("save", "my file.pb.gz");
    }

    @Test
    void hashStartsACommentOnlyAtTheStartOfAWord() throws Exception {
        assertThat(CommandLine.parse("top10 # the usual").words()).containsExactly("top10");
        assertThat(CommandLine.parse("focus=a#b").words()).containsExactly("focus=a#b");
    }

    @Test
    void redirectionIsTakenOffTheEnd() throws Exception {
        CommandLine glued = CommandLine.parse("top10 >out.txt");
        assertThat(glued.words()).containsExactly("top10");
        assertThat(glued.redirect()).isEqualTo("out.txt");
        CommandLine spaced = CommandLine.parse("traces > t.txt");
        assertThat(spaced.words()).containsExactly("traces");
        assertThat(spaced.redirect()).isEqualTo("t.txt");
    }

    @Test
    void tailDigitsBecomeTheFirstArgument() throws Exception {
        CommandLine split = CommandLine.parse("top10 -cum").splitTailDigits();
        assertThat(split.name()).isEqualTo("top");
        assertThat(split.args()).containsExactly("10", "-cum");
        assertThat(CommandLine.parse("top").splitTailDigits().words()).containsExactly("top");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> CommandLine.parse("load 'x")).isInstanceOf(CommandException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void emptyRedirectIsAnError() {
        assertThatThrownBy(() -> CommandLine.parse("top >")).isInstanceOf(CommandException.class);
    }
}
