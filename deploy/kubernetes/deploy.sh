#!/usr/bin/env bash
# Deploys one release of Casebook to one environment: deploy/kubernetes/deploy.sh <staging|production> <image tag>
# With --render as a third argument it only prints what it would apply (no cluster needed; OverlaysTest uses it).
#
# The pipeline (.github/workflows/deliver.yml) runs it for staging, then, once the integration tests passed against
# staging, for production; a platform team can run it by hand the same way (README "Deploying on Kubernetes").
# It needs kubectl with access to the cluster, and the images <registry>/casebook/<service>:<tag> already pushed
# (CASEBOOK_REGISTRY, e.g. ghcr.io/your-org).
#
#   1. renders the overlay with the release's images (kubectl kustomize, nothing written into the repository);
#   2. replaces each service's migration Job (a Job's pod template cannot change) and applies everything;
#   3. waits for the migrations to finish (the new pods validate the schema and stay unready until then, while the
#      previous release's pods keep serving: maxUnavailable 0), then for every Deployment's rollout.
# A failure at any step exits non-zero; roll back with kubectl rollout undo (migrations are forward-only).
set -euo pipefail

environment="${1:?usage: deploy.sh <staging|production> <image tag>}"
tag="${2:?usage: deploy.sh <staging|production> <image tag>}"
render="${3:-}"
registry="${CASEBOOK_REGISTRY:?set CASEBOOK_REGISTRY to the registry the images were pushed to, e.g. ghcr.io/your-org}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
overlay="$here/overlays/$environment"
[[ -f "$overlay/kustomization.yaml" ]] || { echo "deploy.sh: no overlay $overlay" >&2; exit 2; }
namespace="$(sed -n 's/^namespace: *//p' "$overlay/kustomization.yaml")"
services=(auth-service casestudy-service metrics-service gateway)
migrated=(auth-service casestudy-service metrics-service)
timeout="${CASEBOOK_DEPLOY_TIMEOUT:-600s}"

# A throwaway kustomization on top of the overlay: the release's images, nothing else changed. It lies beside the
# overlays because Kustomize takes no absolute path to a base.
release="$(mktemp -d "$here/.release.XXXXXX")"
trap 'rm -rf "$release"' EXIT
{
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources:"
  echo "  - ../overlays/$environment"
  echo "images:"
  for service in "${services[@]}"; do
    echo "  - name: docker.io/casebook/$service"
    echo "    newName: $registry/casebook/$service"
    echo "    newTag: \"$tag\""
  done
} > "$release/kustomization.yaml"
kubectl kustomize "$release" > "$release/manifests.yaml"
if [[ "$render" == "--render" ]]; then
  cat "$release/manifests.yaml"
  exit 0
fi

echo "deploy.sh: $environment (namespace $namespace), images $registry/casebook/*:$tag"
for service in "${migrated[@]}"; do
  kubectl -n "$namespace" delete job "$service-migration" --ignore-not-found --wait=true
done
kubectl apply -f "$release/manifests.yaml"

for service in "${migrated[@]}"; do
  if ! kubectl -n "$namespace" wait --for=condition=complete "job/$service-migration" --timeout="$timeout"; then
    echo "deploy.sh: the migration of $service did not complete; its log:" >&2
    kubectl -n "$namespace" logs "job/$service-migration" --tail=100 >&2 || true
    exit 1
  fi
done
for service in "${services[@]}"; do
  kubectl -n "$namespace" rollout status "deployment/$service" --timeout="$timeout"
done
echo "deploy.sh: $environment runs $tag"
