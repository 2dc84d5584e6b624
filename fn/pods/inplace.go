package pods

import "strings"

// Annotations of a custom resource that Strimzi copies onto its
// StrimziPodSets, where the StrimziPodSet controller reads them to resize
// pods in place (Annotations.ANNO_STRIMZI_IO_IN_PLACE_RESIZING*).
const (
	AnnoInPlaceResizing                = "strimzi.io/in-place-resizing"
	AnnoInPlaceResizingWaitForDeferred = "strimzi.io/in-place-resizing-wait-for-deferred"
)

// InPlaceResizingAnnotations returns the in-place resizing annotations a
// StrimziPodSet carries for a custom resource with crAnnotations: each one
// the resource enables, set to "true" (KafkaCluster.preparePodSetAnnotations,
// KafkaConnectCluster.generatePodSet). Strimzi reads them with
// Boolean.parseBoolean, so only "true" in any case enables them; the pods
// do not carry them.
func InPlaceResizingAnnotations(crAnnotations map[string]string) map[string]string {
	out := map[string]string{}
	for _, key := range []string{AnnoInPlaceResizing, AnnoInPlaceResizingWaitForDeferred} {
		if strings.EqualFold(crAnnotations[key], "true") {
			out[key] = "true"
		}
	}
	return out
}
