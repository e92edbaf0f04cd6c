package io.astrocyte.policy.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.policy.Verb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathTest {

    private final List<String> ran = new ArrayList<>();

    private RequestPath.Stage<String, String> step(String name) {
        return (call, rest) -> {
            ran.add(name);
            return rest.proceed(call);
        };
    }

    @Test
    void stagesActInListOrderAndTheStoreResultFlowsThroughTheOutputStages() {
        RequestPath<String, String> path = RequestPath.<String, String>builder(Verb.RECALL)
                .stage("access", step("access"))
                .stage("store", (call, rest) -> {
                    ran.add("store");
                    call.result("hits for " + call.request());
                    return rest.proceed(call);
                })
                .stage("dlp", (call, rest) -> {
                    ran.add("dlp");
                    call.result(call.result().toUpperCase());
                    return rest.proceed(call);
                })
                .build();
        assertThat(path.run(new Call<>(Verb.RECALL, "tea", null))).isEqualTo("HITS FOR TEA");
        assertThat(ran).containsExactly("access", "store", "dlp");
        assertThat(path.stages()).containsExactly("access", "store", "dlp");
    }

    @Test
    void aStageThatAnswersItselfSkipsTheRest() {
        RequestPath<String, String> path = RequestPath.<String, String>builder(Verb.RETAIN)
                .stage("validation", (call, rest) -> {
                    call.outcome(Outcome.REJECTED);
                    return "rejected: empty";
                })
                .stage("store", step("store"))
                .build();
        Call<String, String> call = new Call<>(Verb.RETAIN, "", null);
        assertThat(path.run(call)).isEqualTo("rejected: empty");
        assertThat(call.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(ran).isEmpty();
    }

    @Test
    void anUnavailableStoreThatNoStageAnsweredFailsTheCall() {
        ProviderUnavailableException down = new ProviderUnavailableException("store down");
        RequestPath<String, String> path = RequestPath.<String, String>builder(Verb.RETAIN)
                .stage("store", (call, rest) -> {
                    call.unavailable(down);
                    return rest.proceed(call);
                })
                .build();
        assertThatThrownBy(() -> path.run(new Call<>(Verb.RETAIN, "x", null))).isSameAs(down);
    }

    @Test
    void aPathWithoutAResultIsABugAndSaysSo() {
        RequestPath<String, String> path = RequestPath.<String, String>builder(Verb.FORGET).stage("a", step("a"))
                .build();
        assertThatThrownBy(() -> path.run(new Call<>(Verb.FORGET, "x", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forget");
    }

    @Test
    void stageNamesAreUniqueAndValuesForLaterStagesMustExist() {
        RequestPath.Builder<String, String> b = RequestPath.<String, String>builder(Verb.RETAIN).stage("a", step("a"));
        assertThatThrownBy(() -> b.stage("a", step("again"))).isInstanceOf(IllegalArgumentException.class);
        Call<String, String> call = new Call<>(Verb.RECALL, "q", null);
        assertThatThrownBy(() -> call.get(Integer.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of order");
        call.put(Integer.class, 7);
        assertThat(call.get(Integer.class)).isEqualTo(7);
    }
}
