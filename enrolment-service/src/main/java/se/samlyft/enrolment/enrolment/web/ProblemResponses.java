package se.samlyft.enrolment.enrolment.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/** The responses of the enrolment operations for the OpenAPI document, RFC 9457 problems above all: one each. */
final class ProblemResponses {

    static final String PROBLEM = "application/problem+json";

    private ProblemResponses() {}

    /** 200: the answer, its body typed by the operation's return type. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "OK")
    @interface Answered {}

    /** 400: a field is missing or invalid; the problem names it. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "400",
            description = "A field is missing or invalid; the problem names it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @interface Invalid {}

    /** 403: the caller sees the enrolment or offering but the policy's rule refuses the act; the detail is the rule. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "403",
            description = "Refused by a rule of the enrolment policy, which the detail names",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @interface Refused {}

    /** 404: no such enrolment, offering or person that the caller's organisation may see. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "404",
            description = "No such enrolment, offering or person that the caller's organisation may see",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @interface Unknown {}

    /** 409: not possible in the enrolment's (or the offering's) state; the detail says why. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "409",
            description = "Not possible in the enrolment's state (or the offering's); the detail says why",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @interface Conflicting {}

    /** 412: the If-Match sent names a version the enrolment has moved on from. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "412",
            description = "If-Match names a version the enrolment has moved on from; nothing changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @interface Stale {}

    /** 503: the offering's seats have more work waiting than they take on; nothing was done. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "503",
            description = "The offering's seats are busy; nothing was done, try again in a moment",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @interface Busy {}

    /** A move of an enrolment by someone who may see it: the answer, or refused, unknown, illegal now, or stale. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Answered
    @Refused
    @Unknown
    @Conflicting
    @Stale
    @interface Move {}
}
