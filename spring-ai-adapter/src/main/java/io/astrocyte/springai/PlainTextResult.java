package io.astrocyte.springai;

import java.lang.reflect.Type;
import org.springframework.ai.tool.execution.ToolCallResultConverter;

/**
 * Hands a memory tool's text to the model as it is; Spring AI's default converter would JSON-quote it.
 * Public only because Spring AI instantiates converters reflectively.
 */
public final class PlainTextResult implements ToolCallResultConverter {

    @Override
    public String convert(Object result, Type returnType) {
        return result == null ? "" : result.toString();
    }
}
