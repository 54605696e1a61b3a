package se.samlyft.reporting.projection.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.reporting.projection.Generations;
import se.samlyft.reporting.projection.ReadModel;
import se.samlyft.reporting.projection.RebuildProgress;
import se.samlyft.reporting.projection.messaging.ReadModelRebuild;
import se.samlyft.reporting.report.web.ReportingPolicy;

/**
 * {@code /api/reports/read-model}: which generation of the read model the reports read, and a rebuild from the start
 * of the topics. Platform administrators only.
 */
@RestController
@RequestMapping("/api/reports/read-model")
class ReadModelController {

    private final ReadModel readModel;
    private final ReadModelRebuild rebuild;

    ReadModelController(ReadModel readModel, ReadModelRebuild rebuild) {
        this.readModel = readModel;
        this.rebuild = rebuild;
    }

    @GetMapping
    ReadModelView status() {
        ReportingPolicy.requireMayManageReadModel();
        return ReadModelView.of(readModel.generations(), readModel.rebuildProgress());
    }

    /** 202: the new generation is being built; 409 while another rebuild runs. */
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelView rebuild() {
        ReportingPolicy.requireMayManageReadModel();
        rebuild.start();
        return ReadModelView.of(readModel.generations(), readModel.rebuildProgress());
    }

    /** 204: the generation being built is given up (a rebuild whose replica stopped); 404 when none is. */
    @DeleteMapping("/rebuild")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void abandonRebuild() {
        ReportingPolicy.requireMayManageReadModel();
        if (rebuild.abandon().isEmpty()) {
            throw new NotFound("No generation of the read model is being built.");
        }
    }

    /**
     * The generations, and while a rebuild runs how far it has come: the records read of those the topics held when
     * it began.
     */
    record ReadModelView(
            int currentGeneration,
            @Nullable Integer buildingGeneration,
            @Nullable RebuildProgress progress) {

        static ReadModelView of(Generations generations, RebuildProgress progress) {
            boolean building = generations.building().isPresent();
            return new ReadModelView(
                    generations.current(),
                    building ? generations.building().getAsInt() : null,
                    building ? progress : null);
        }
    }
}
