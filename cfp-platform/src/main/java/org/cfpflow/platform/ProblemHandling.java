package org.cfpflow.platform;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/** Every error as {@code application/problem+json}, saying what is wrong and never how the code failed. */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.violations().stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Request body too large");
        problem.setProperty("maxBytes", e.maxBytes());
        return problem;
    }

    /**
     * Names the field a body could not be read at and what was expected there ({@code durationMinutes must be a
     * whole number}), in the form of the validation errors.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        RequestTooLargeException tooLarge = cause(e, RequestTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        JacksonException jackson = cause(e, JacksonException.class);
        Optional<FieldViolation> violation = jackson == null ? Optional.empty() : UnreadableBody.violation(jackson);
        if (violation.isPresent()) {
            return ResponseEntity.badRequest().body(invalid(new InvalidRequestException(List.of(violation.get()))));
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        problem.setDetail(jackson != null ? "The body is not valid JSON: " + jackson.getOriginalMessage()
                : "The body is missing or not readable as JSON");
        return ResponseEntity.badRequest().body(problem);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
