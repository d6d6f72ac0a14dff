package profcon.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import profcon.agent.ProfconAgent;
import profcon.agent.protocol.Codec;
import profcon.agent.protocol.Hello;

/** The console's check of the agent's greeting: this session's token, and this console's protocol. */
class HandshakeTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void agentOfThisProtocolIsAccepted() throws Exception {
        Hello hello = Handshake.check(4242, TOKEN, Codec.encode(Hello.of(TOKEN, 4242, ProfconAgent.VERSION)));

        assertThat(hello.protocol()).isEqualTo(Codec.PROTOCOL);
        assertThat(hello.build()).isEqualTo(ProfconAgent.VERSION);
        assertThat(hello.pid()).isEqualTo(4242);
    }

    @Test
    void newerAgentIsRefusedNamingBothVersionsAndTheWayOut() {
        String line = Codec.encode(new Hello(TOKEN, 4242, Codec.PROTOCOL + 1, "9.0.0"));

        assertThatThrownBy(() -> Handshake.check(4242, TOKEN, line)).isInstanceOf(AttachException.class)
                .hasMessage("target 4242's profcon agent speaks protocol " + (Codec.PROTOCOL + 1) + " (build 9.0.0), "
                        + "this console speaks " + Codec.PROTOCOL + " (build " + ProfconAgent.VERSION + "): use profcon "
                        + "9.0.0 or newer, or restart the target");
    }

    @Test
    void olderAgentIsRefusedNamingItsBuild() {
        String line = Codec.encode(new Hello(TOKEN, 4242, Codec.PROTOCOL - 1, "0.0.9"));

        assertThatThrownBy(() -> Handshake.check(4242, TOKEN, line)).isInstanceOf(AttachException.class)
                .hasMessageStartingWith("target 4242's profcon agent speaks protocol " + (Codec.PROTOCOL - 1)
                        + " (build 0.0.9)")
                .hasMessageEndingWith(": use profcon 0.0.9, or restart the target");
    }

    @Test
    void agentFromBeforeTheProtocolHadANumberReadsAsProtocolZero() {
        String line = "hello token=" + TOKEN + " pid=4242";

        assertThatThrownBy(() -> Handshake.check(4242, TOKEN, line)).isInstanceOf(AttachException.class)
                .hasMessageStartingWith("target 4242's profcon agent speaks protocol 0 (build unknown)")
                .hasMessageEndingWith("use the profcon that attached to it first, or restart the target")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void greetingWithoutThisSessionsTokenIsRefused() {
        String other = Codec.encode(Hello.of("ffffffffffffffffffffffffffffffff", 4242, ProfconAgent.VERSION));

        for (String line : new String[] {other, "garbage", "hello pid=4242", ""}) {
            assertThatThrownBy(() -> Handshake.check(4242, TOKEN, line)).as(line).isInstanceOf(AttachException.class)
                    .hasMessage("target 4242: the agent's greeting did not carry this session's token");
        }
    }
}
