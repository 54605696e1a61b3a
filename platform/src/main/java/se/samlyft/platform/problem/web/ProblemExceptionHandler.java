package se.samlyft.platform.problem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Answers every exception that reaches Spring MVC with an RFC 9457 problem: Spring's own (405, 406, 415, 404 for an
 * unknown path, ...), invalid fields with an {@code errors} list, unreadable bodies, the platform's
 * {@link ProblemException}s and {@link InvalidInput}, and anything unexpected as a 500 without internals, logged with
 * the correlation id. Security exceptions are left to Spring Security, which answers 401 and 403. It has the lowest
 * precedence, so a service's own handlers for its own exceptions come first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private static final boolean DATA_ACCESS_PRESENT = ClassUtils.isPresent(
            "org.springframework.dao.DataAccessException", ProblemExceptionHandler.class.getClassLoader());

    @ExceptionHandler(ProblemException.class)
    @Nullable
    ResponseEntity<Object> handleProblem(ProblemException refusal, WebRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(refusal.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.detail());
        return handleExceptionInternal(refusal, problem, new HttpHeaders(), status, request);
    }

    @ExceptionHandler(InvalidInput.class)
    @Nullable
    ResponseEntity<Object> handleInvalidInput(InvalidInput invalid, WebRequest request) {
        ProblemDetail problem = ProblemResponses.invalidField(invalid.field().orElse(null), invalid.reason());
        return handleExceptionInternal(invalid, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    @Nullable
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException invalid, WebRequest request) {
        InvalidFields fields = new InvalidFields();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            fields.add(pathOf(violation.getPropertyPath()), violation.getMessage());
        }
        return handleExceptionInternal(invalid, fields.problem(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Lets Spring Security's exception translation answer, with its 401 or 403 problem and headers. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void leaveToSpringSecurity(RuntimeException securityException) {
        throw securityException;
    }

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Object> handleUnexpected(Exception failure, WebRequest request) {
        RequestBodyTooLarge tooLarge = Causes.find(failure, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(failure, tooLarge, request);
        }
        if (DATA_ACCESS_PRESENT) {
            ProblemDetail problem = DataAccessProblems.problemOf(failure, request.getHeader("If-Match") != null);
            if (problem != null) {
                HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
                return handleExceptionInternal(failure, problem, new HttpHeaders(), status, request);
            }
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.SERVER_ERROR);
        return handleExceptionInternal(failure, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                invalid, fieldsOf(invalid.getBindingResult()).problem(), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InvalidFields fields = new InvalidFields();
        for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                addAll(fields, errors.getFieldErrors(), errors.getGlobalErrors());
            } else {
                String name = nameOf(result.getMethodParameter());
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    fields.add(name, error.getDefaultMessage());
                }
            }
        }
        return handleExceptionInternal(invalid, fields.problem(), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        RequestBodyTooLarge tooLarge = Causes.find(unreadable, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(unreadable, tooLarge, request);
        }
        return handleExceptionInternal(unreadable, UnreadableBodies.problemOf(unreadable), headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException mismatch,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem =
                ProblemResponses.invalidField(mismatch.getPropertyName(), "has the wrong type or format");
        return handleExceptionInternal(mismatch, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(
                missing,
                ProblemResponses.invalidField(missing.getParameterName(), "is required"),
                headers,
                status,
                request);
    }

    /**
     * The one way out of this handler: logs a server error with its correlation id, and gives a problem that Spring
     * made for one of its own exceptions a detail of the platform's: the framework's texts ("No static resource ...",
     * its exception messages) never reach a client.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("{} failed", request.getDescription(false), failure);
        }
        if (failure instanceof ErrorResponse framework && (body == null || body == framework.getBody())) {
            body = ownProblem(framework, headers, status);
        }
        return super.handleExceptionInternal(failure, body, headers, status, request);
    }

    /** A problem in the platform's words for an exception of Spring's that no handler above answered. */
    private static ProblemDetail ownProblem(ErrorResponse framework, HttpHeaders headers, HttpStatusCode status) {
        return switch (framework) {
            case MissingRequestHeaderException missing ->
                ProblemResponses.invalidField(missing.getHeaderName(), "is required");
            case MissingServletRequestPartException missing ->
                ProblemResponses.invalidField(missing.getRequestPartName(), "is required");
            case HttpRequestMethodNotSupportedException unsupported ->
                ProblemResponses.problem(
                        status.value(),
                        "This address does not accept " + unsupported.getMethod() + "; it accepts "
                                + String.join(
                                        ", ",
                                        headers.getAllow().stream()
                                                .map(Object::toString)
                                                .toList()) + ".");
            case HttpMediaTypeNotSupportedException unsupported ->
                ProblemResponses.problem(
                        status.value(),
                        "This address does not accept a body of this content type; send "
                                + String.join(
                                        " or ",
                                        unsupported.getSupportedMediaTypes().stream()
                                                .map(Object::toString)
                                                .toList())
                                + ".");
            case HttpMediaTypeNotAcceptableException notAcceptable ->
                ProblemResponses.problem(
                        status.value(), "This address cannot answer in any of the media types that Accept names.");
            default -> ProblemResponses.problem(status.value(), ProblemTexts.detailOf(status.value()));
        };
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            HttpServletResponse response = request instanceof NativeWebRequest nativeRequest
                    ? nativeRequest.getNativeResponse(HttpServletResponse.class)
                    : null;
            ProblemResponses.addCorrelationId(problem, response);
            if (problem.getInstance() == null && request instanceof NativeWebRequest nativeRequest) {
                HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
                if (servletRequest != null) {
                    problem.setInstance(ProblemResponses.pathOf(servletRequest.getRequestURI()));
                }
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private @Nullable ResponseEntity<Object> tooLarge(
            Exception failure, RequestBodyTooLarge tooLarge, WebRequest request) {
        return handleExceptionInternal(
                failure, tooLarge.problem(), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    private static InvalidFields fieldsOf(BindingResult result) {
        InvalidFields fields = new InvalidFields();
        addAll(fields, result.getFieldErrors(), result.getGlobalErrors());
        return fields;
    }

    private static void addAll(InvalidFields fields, List<FieldError> fieldErrors, List<ObjectError> globalErrors) {
        for (FieldError error : fieldErrors) {
            fields.add(error.getField(), error.getDefaultMessage());
        }
        for (ObjectError error : globalErrors) {
            fields.add(null, error.getDefaultMessage());
        }
    }

    /** The name the client used for a parameter: the one its annotation gives, else its own. */
    private static String nameOf(MethodParameter parameter) {
        String named = "";
        if (parameter.getParameterAnnotation(RequestParam.class) instanceof RequestParam param) {
            named = param.name();
        } else if (parameter.getParameterAnnotation(PathVariable.class) instanceof PathVariable variable) {
            named = variable.name();
        } else if (parameter.getParameterAnnotation(RequestHeader.class) instanceof RequestHeader header) {
            named = header.name();
        } else if (parameter.getParameterAnnotation(CookieValue.class) instanceof CookieValue cookie) {
            named = cookie.name();
        }
        if (!named.isEmpty()) {
            return named;
        }
        String own = parameter.getParameterName();
        return own == null ? "argument " + parameter.getParameterIndex() : own;
    }

    /** A constraint violation's path as the client knows it: without the method and parameter of the call. */
    private static String pathOf(Path path) {
        StringJoiner joined = new StringJoiner(".");
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || node.getName() == null) {
                continue;
            }
            joined.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
        }
        return joined.toString();
    }

    /** What the client sent wrong in a body that could not be read as the expected JSON. */
    private static final class UnreadableBodies {

        private UnreadableBodies() {}

        static ProblemDetail problemOf(HttpMessageNotReadableException unreadable) {
            JacksonException json = Causes.find(unreadable, JacksonException.class);
            if (json == null) {
                return ProblemResponses.problem(400, "The request body is missing or cannot be read.");
            }
            if (json instanceof StreamReadException) {
                var location = json.getLocation();
                String where = location == null || location.getLineNr() < 1
                        ? ""
                        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
                return ProblemResponses.problem(400, "The request body is not well-formed JSON" + where + ".");
            }
            String field = fieldOf(json);
            if (field.isEmpty()) {
                return ProblemResponses.problem(
                        400,
                        "The request body is JSON, but not of the shape this address takes (an object with"
                                + " the documented fields).");
            }
            return new InvalidFields().add(field, messageOf(json)).problem();
        }

        private static String messageOf(JacksonException json) {
            return switch (json) {
                case NulCharacters.NulInText nul -> NulCharacters.MESSAGE;
                case UnrecognizedPropertyException unknown -> "is not a known field";
                case InvalidNullException missing -> "must not be null";
                case ValueInstantiationException rejected
                when rejected.getCause() instanceof InvalidInput invalid -> invalid.reason();
                case ValueInstantiationException rejected -> "is not valid";
                default -> "has the wrong type or format";
            };
        }

        private static String fieldOf(JacksonException json) {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference reference : json.getPath()) {
                if (reference.getPropertyName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return field.toString();
        }
    }
}
