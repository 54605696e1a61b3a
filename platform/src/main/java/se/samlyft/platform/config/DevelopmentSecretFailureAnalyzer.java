package se.samlyft.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator which settings hold development secrets, and what to do, when production refuses to start. */
public class DevelopmentSecretFailureAnalyzer
        extends AbstractFailureAnalyzer<ProductionSecrets.DevelopmentSecretRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSecrets.DevelopmentSecretRefused cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Give each named setting a secret of the installation (for example as an environment variable from a"
                        + " Kubernetes Secret), or start without the production profile for local development.",
                cause);
    }
}
