package io.astrocyte.samples.semantickernel;

import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.plugin.KernelPluginFactory;
import com.microsoft.semantickernel.semanticfunctions.KernelFunction;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.services.textcompletion.TextGenerationService;
import io.astrocyte.Astrocyte;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.semantickernel.AstrocyteKernelHooks;
import io.astrocyte.semantickernel.AstrocytePlugin;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A Semantic Kernel with governed long-term memory: the {@code memory} plugin invoked directly, and a prompt
 * function whose prompt the Astrocyte hooks fill with the user's memories. One kernel per user, each bound
 * to that user's bank. Runs offline on the embedded default with a stand-in text service; run it twice and
 * the second run finds what the first stored.
 *
 * <pre>java -jar samples/semantic-kernel-agent/target/astrocyte-semantic-kernel-agent.jar [data folder]</pre>
 */
public final class SemanticKernelAgent {

    private SemanticKernelAgent() {
    }

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "astrocyte-sk-data"), System.out);
    }

    static void run(Path dataFolder, PrintStream out) {
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dataFolder).build()) {
            Kernel alice = kernelFor(brain, "alice");
            Kernel bob = kernelFor(brain, "bob");

            out.println("alice, memory.retain: " + function(alice, "retain", "content",
                    "Alice is vegetarian and allergic to peanuts"));
            out.println("bob, memory.retain: " + function(bob, "retain", "content",
                    "Bob always books a window seat on flights"));
            out.println("alice, memory.recall: " + function(alice, "recall", "query", "food allergies"));
            out.println();

            KernelFunction<String> dinner = KernelFunction.<String>createFromPrompt(
                    "You plan dinners. Request: {{$input}}").build();
            for (String user : new String[] {"alice", "bob"}) {
                Kernel kernel = user.equals("alice") ? alice : bob;
                String answer = kernel.invokeAsync(dinner).withArguments(KernelFunctionArguments.builder()
                        .withInput("Plan my dinner tonight, mind my diet").build()).block().getResult();
                out.println(user + ", dinner prompt: " + answer);
            }
        }
    }

    private static Kernel kernelFor(Astrocyte brain, String user) {
        ResolvedMemoryBinding binding = ResolvedMemoryBinding.of(AstrocyteContext.of("user:" + user), "user-" + user);
        Kernel kernel = Kernel.builder().withAIService(TextGenerationService.class, new OfflineTextService())
                .withPlugin(KernelPluginFactory.createFromObject(AstrocytePlugin.builder(brain).binding(binding)
                        .build(), "memory")).build();
        kernel.getGlobalKernelHooks().addHooks(AstrocyteKernelHooks.builder(brain).binding(binding).recall(true)
                .build().hooks());
        return kernel;
    }

    private static String function(Kernel kernel, String name, String argument, String value) {
        return kernel.<String>invokeAsync("memory", name).withArguments(KernelFunctionArguments.builder()
                .withVariable(argument, value).build()).block().getResult();
    }
}
