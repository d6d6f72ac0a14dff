package profcon.agent.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import profcon.agent.jfr.CpuRecipe;
import profcon.agent.profile.SamplingOptions;

/**
 * The labels a JFR feed appends to the event it is feeding stay on that thread's samples: a sampler
 * adding to the same profile from its own thread (the virtual-wait sampler) must not get them.
 */
class StackProfileExtraLabelsTest {
    private static final List<StackProfile.Frame> STACK = List.of(new StackProfile.Frame("com.acme.Ledger", "post", 3));

    @Test
    void anotherThreadsSamplesDoNotGetTheFeedsExtraLabels() throws Exception {
        StackProfile profile = new CpuRecipe().newProfile(SamplingOptions.defaults());
        profile.extraLabels(new String[] {"profile", "fed-by-the-jfr-thread"});
        Thread sampler = new Thread(() -> profile.add(STACK, new String[] {"thread_kind", "virtual"}, 1, 100));
        sampler.start();
        sampler.join();

        assertThat(profile.strings()).contains("virtual").doesNotContain("fed-by-the-jfr-thread");
        profile.add(STACK, new String[] {"thread", "main"}, 1, 100);
        assertThat(profile.strings()).contains("fed-by-the-jfr-thread");
        assertThat(profile.distinctSamples()).isEqualTo(2);
    }
}
