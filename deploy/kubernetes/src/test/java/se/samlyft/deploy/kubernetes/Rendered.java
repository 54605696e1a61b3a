package se.samlyft.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects of an overlay as a cluster would get them: rendered by {@code kubectl kustomize}, or, without kubectl,
 * the whole objects of the plain files (the overlays' patches change sizes, not what the policy checks), with a loud
 * message.
 */
final class Rendered {

    private static final Map<String, List<Manifest>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {}

    static List<Manifest> objects(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::load);
    }

    private static List<Manifest> load(String overlay) {
        if (Kustomize.kubectlAvailable()) {
            return Kustomize.render(Kustomize.overlay(overlay));
        }
        System.err.println("*** kubectl is not installed: the policy is checked on the plain files of " + overlay
                + ", not on what kustomize renders from them ***");
        return Kustomize.plainFiles(Kustomize.overlay(overlay)).stream()
                .filter(manifest -> !manifest.partial())
                .toList();
    }

    static List<Manifest> ofKind(String overlay, String kind) {
        return objects(overlay).stream()
                .filter(manifest -> manifest.kind().equals(kind))
                .toList();
    }
}
