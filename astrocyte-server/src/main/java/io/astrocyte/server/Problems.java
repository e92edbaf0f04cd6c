package io.astrocyte.server;

import io.astrocyte.AstrocyteException;
import io.astrocyte.RateLimitedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a {@code detail} (which upstream clients read), the
 * status SPEC §1.10 gives the exception, and {@code Retry-After} on 429; never a stack trace or an internal class
 * beyond the error's own name.
 */
@RestControllerAdvice
public class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(AstrocyteException.class)
    public ResponseEntity<ProblemDetail> astrocyte(AstrocyteException e) {
        ResponseEntity.BodyBuilder r = ResponseEntity.status(e.httpStatus());
        if (e instanceof RateLimitedException rl) {
            r.header("Retry-After", Long.toString((long) Math.ceil(Math.max(1, rl.retryAfterSeconds()))));
        }
        return r.body(problem(HttpStatus.valueOf(e.httpStatus()), e.getMessage(), e.getClass().getSimpleName()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "the body is not valid JSON of the"
                + " expected shape", "InvalidRequestException"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(415).body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send application/json", "InvalidRequestException"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405).body(problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(),
                "InvalidRequestException"));
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error", "InternalError"));
    }

    /** Writes a problem from a servlet filter, where no controller advice applies; the detail is JSON-escaped. */
    static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail,
            String error) throws java.io.IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("error", error);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    static ProblemDetail problem(HttpStatus status, String detail, String error) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("error", error);
        return p;
    }
}
