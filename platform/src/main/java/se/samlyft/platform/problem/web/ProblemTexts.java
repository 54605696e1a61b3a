package se.samlyft.platform.problem.web;

/** The details of problems that have nothing more specific to say than their status. */
final class ProblemTexts {

    static final String SERVER_ERROR =
            "Something went wrong on our side. It is logged; quote the correlation id" + " when you report it.";

    private ProblemTexts() {}

    static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "This request needs a valid bearer token.";
            case 403 -> "Your roles do not allow this request.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this method.";
            case 406 -> "This address cannot answer in any of the media types that Accept names.";
            case 409 -> "The request conflicts with the current state of what it addresses.";
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "This address does not accept a body of this content type.";
            case 431 -> "The request's headers are too large or too many.";
            case 503 -> "The service cannot answer right now; try again shortly.";
            default -> status >= 500 ? SERVER_ERROR : "The request cannot be answered.";
        };
    }
}
