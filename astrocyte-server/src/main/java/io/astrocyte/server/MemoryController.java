package io.astrocyte.server;

import io.astrocyte.identity.AstrocyteContext;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The memory routes of REST {@code /v1} (SPEC §1.11). Every call acts as the caller {@link CallerResolver}
 * authenticates; {@link MemoryVerbs} reads the body and shapes the answer.
 */
@RestController
public class MemoryController {

    private final MemoryVerbs verbs;

    public MemoryController(MemoryVerbs verbs) {
        this.verbs = verbs;
    }

    @PostMapping("/v1/retain")
    public Map<String, Object> retain(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.retain(body, caller);
    }

    @PostMapping("/v1/recall")
    public Map<String, Object> recall(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.recall(body, caller);
    }

    @PostMapping("/v1/debug/recall")
    public Map<String, Object> debugRecall(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.debugRecall(body, caller);
    }

    @PostMapping("/v1/reflect")
    public Map<String, Object> reflect(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.reflect(body, caller);
    }

    @PostMapping("/v1/forget")
    public Map<String, Object> forget(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.forget(body, caller);
    }

    @PostMapping("/v1/history")
    public Map<String, Object> history(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.history(body, caller);
    }

    @PostMapping("/v1/export")
    public Map<String, Object> export(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.export(body, caller);
    }

    @PostMapping("/v1/import")
    public Map<String, Object> importBank(@RequestBody Map<String, Object> body, AstrocyteContext caller) {
        return verbs.importBank(body, caller);
    }
}
