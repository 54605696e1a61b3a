package se.samlyft.web.coordinator;

import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.page.ProblemMessages;

/**
 * An HR import's report in Swedish: each problem with its line and column and what is wrong (by the problem's code;
 * identity's English text is never shown), each warning about roles an empty cell takes away, and what changes for a
 * person. Templates reach it as {@code @importTexts}.
 */
@Component("importTexts")
public class ImportTexts {

    private final ProblemMessages texts;

    ImportTexts(ProblemMessages texts) {
        this.texts = texts;
    }

    public String problem(IdentityApi.RowProblem problem) {
        String column = problem.column() == null || problem.column().isBlank() ? "–" : problem.column();
        String what = texts.messageOr("import.problem." + problem.code(), texts.message("import.problem.invalid"));
        return problem.line() > 0
                ? texts.message("import.problem.at", problem.line(), column, what)
                : texts.message("import.problem.file", what);
    }

    public String warning(IdentityApi.RoleWarning warning) {
        return texts.message(
                "import.warning.roles",
                warning.line(),
                warning.email(),
                warning.removedRoles().stream()
                        .map(role -> texts.messageOr("role." + role, role))
                        .collect(Collectors.joining(", ")));
    }

    public String changes(IdentityApi.ImportedPerson person) {
        return person.changes().stream()
                .map(change -> texts.messageOr("import.change." + change, change))
                .collect(Collectors.joining(", "));
    }
}
