package dev.casebook.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The base as committed: every manifest file in deploy/kubernetes/base, read strictly. */
final class Base {

    private Base() {
    }

    /** Every YAML file of the base and the overlays but the kustomizations themselves, which kubectl reads. */
    static List<Path> manifestFiles() {
        try (var files = Files.walk(Casebook.kubernetes().resolve("base"))) {
            return files.filter(Base::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests all() {
        StringBuilder yaml = new StringBuilder();
        for (Path file : manifestFiles()) {
            yaml.append("\n---\n").append(Casebook.read(file));
        }
        return Manifests.parse(yaml.toString(), "deploy/kubernetes/base");
    }

    /**
     * The base as Kustomize builds it: the migration Jobs filled in from their Deployments by the base's replacements
     * (their committed files hold only what a Job adds).
     */
    static Manifests built() throws Exception {
        return Manifests.parse(Kubectl.kustomize(Casebook.base()), "kubectl kustomize deploy/kubernetes/base");
    }

    /** What the build of {@code process} generated, as committed in base/<process>/kubernetes.yml. */
    static Manifests generated(String process) {
        return Manifests.read(generatedCopy(process));
    }

    static Path generatedCopy(String process) {
        return Casebook.base().resolve(process).resolve("kubernetes.yml");
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals("kustomization.yaml")
                && !file.getParent().getFileName().toString().equals("patches");
    }
}
