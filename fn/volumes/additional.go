package volumes

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Strimzi's messages for additional volumes (TemplateUtils).
const (
	msgInvalidNames   = "Volume names %s are invalid and do not match the pattern ^(?=.{0,63}$)[a-zA-Z0-9][a-zA-Z0-9-._]*[a-zA-Z0-9]$"
	msgDuplicateNames = "Duplicate volume names found in additional volumes: %s"
	MsgForbiddenPath  = "Forbidden path found in additional volumes. Should start with /mnt"
)

// strimziVolumeName is TemplateUtils' pattern without the length look-ahead.
var strimziVolumeName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$`)

// Additional converts a template volume, taking the first source in
// Strimzi's precedence: configMap, secret, emptyDir, persistentVolumeClaim,
// csi, image (TemplateUtils.addAdditionalVolumes).
func Additional(v strimzi.AdditionalVolume) corev1.Volume {
	out := corev1.Volume{Name: v.Name}
	switch {
	case v.ConfigMap != nil:
		out.ConfigMap = v.ConfigMap.DeepCopy()
	case v.Secret != nil:
		out.Secret = v.Secret.DeepCopy()
	case v.EmptyDir != nil:
		ed := &corev1.EmptyDirVolumeSource{Medium: corev1.StorageMedium(v.EmptyDir.Medium)}
		if v.EmptyDir.SizeLimit != "" {
			q := resource.MustParse(v.EmptyDir.SizeLimit) // validated by CheckVolumes
			ed.SizeLimit = &q
		}
		out.EmptyDir = ed
	case v.PersistentVolumeClaim != nil:
		out.PersistentVolumeClaim = v.PersistentVolumeClaim.DeepCopy()
	case v.CSI != nil:
		out.CSI = v.CSI.DeepCopy()
	case v.Image != nil:
		out.Image = v.Image.DeepCopy()
	}
	return out
}

// Templated converts a templated volume for one pod, replacing {nodeId}
// and {nodePodName} as Strimzi does (configMap, secret, then
// persistentVolumeClaim; other sources are not templated).
func Templated(v strimzi.AdditionalVolume, nodeID int, podName string) corev1.Volume {
	sub := func(s string) string {
		s = strings.ReplaceAll(s, "{nodeId}", strconv.Itoa(nodeID))
		return strings.ReplaceAll(s, "{nodePodName}", podName)
	}
	subItems := func(items []corev1.KeyToPath) {
		for i := range items {
			items[i].Key, items[i].Path = sub(items[i].Key), sub(items[i].Path)
		}
	}
	out := corev1.Volume{Name: v.Name}
	switch {
	case v.ConfigMap != nil:
		out.ConfigMap = v.ConfigMap.DeepCopy()
		out.ConfigMap.Name = sub(out.ConfigMap.Name)
		subItems(out.ConfigMap.Items)
	case v.Secret != nil:
		out.Secret = v.Secret.DeepCopy()
		out.Secret.SecretName = sub(out.Secret.SecretName)
		subItems(out.Secret.Items)
	case v.PersistentVolumeClaim != nil:
		out.PersistentVolumeClaim = v.PersistentVolumeClaim.DeepCopy()
		out.PersistentVolumeClaim.ClaimName = sub(out.PersistentVolumeClaim.ClaimName)
	}
	return out
}

// CheckVolumes applies Strimzi's rules to template volumes at path (for
// example spec.template.pod.volumes), given the names of the volumes already
// in the pod. Strimzi's own two rules come first, with its messages; then
// the rules the API server would apply to the pod, so no broken pod is emitted.
func CheckVolumes(vols []strimzi.AdditionalVolume, existing []string, path string, templated bool) []results.Problem {
	var ps []results.Problem
	var invalid, dups []string
	for _, v := range vols {
		if len(v.Name) > 63 || !strimziVolumeName.MatchString(v.Name) {
			invalid = append(invalid, v.Name)
		}
	}
	if len(invalid) > 0 {
		return []results.Problem{{Path: path, Message: fmt.Sprintf(msgInvalidNames, javacompat.ListString(invalid))}}
	}
	have := setOf(existing)
	for _, v := range vols {
		if have[v.Name] {
			dups = append(dups, v.Name)
		}
	}
	if len(dups) > 0 {
		return []results.Problem{{Path: path, Message: fmt.Sprintf(msgDuplicateNames, javacompat.ListString(dups))}}
	}
	seen := map[string]bool{}
	for i, v := range vols {
		at := fmt.Sprintf("%s[%d]", path, i)
		if msgs := validation.IsDNS1123Label(v.Name); len(msgs) > 0 {
			ps = append(ps, results.Problem{Path: at + ".name", Message: fmt.Sprintf("volume name %q is not a valid Kubernetes volume name: %s", v.Name, strings.Join(msgs, "; "))})
		}
		if seen[v.Name] {
			ps = append(ps, results.Problem{Path: at + ".name", Message: fmt.Sprintf("volume name %q is used twice; Kubernetes rejects pods with duplicate volume names", v.Name)})
		}
		seen[v.Name] = true
		ps = append(ps, checkSource(v, at, templated)...)
	}
	return ps
}

func checkSource(v strimzi.AdditionalVolume, at string, templated bool) []results.Problem {
	var ps []results.Problem
	sources := 0
	for _, set := range []bool{v.ConfigMap != nil, v.Secret != nil, v.EmptyDir != nil, v.PersistentVolumeClaim != nil, v.CSI != nil, v.Image != nil} {
		if set {
			sources++
		}
	}
	if sources == 0 {
		ps = append(ps, results.Problem{Path: at, Message: fmt.Sprintf("volume %q has no source: set one of configMap, secret, emptyDir, persistentVolumeClaim, csi or image", v.Name)})
	}
	if templated && (v.EmptyDir != nil || v.CSI != nil || v.Image != nil) && v.ConfigMap == nil && v.Secret == nil && v.PersistentVolumeClaim == nil {
		ps = append(ps, results.Problem{Path: at, Message: fmt.Sprintf("templated volume %q must be a configMap, secret or persistentVolumeClaim", v.Name)})
	}
	if v.EmptyDir != nil && v.EmptyDir.SizeLimit != "" {
		if _, err := resource.ParseQuantity(v.EmptyDir.SizeLimit); err != nil {
			ps = append(ps, results.Problem{Path: at + ".emptyDir.sizeLimit", Message: fmt.Sprintf("%q is not a quantity", v.EmptyDir.SizeLimit)})
		}
	}
	if v.Image != nil && v.ConfigMap == nil && v.Secret == nil && v.EmptyDir == nil && v.PersistentVolumeClaim == nil && v.CSI == nil {
		ps = append(ps, CheckImage(v.Image.Reference, string(v.Image.PullPolicy), at+".image")...)
	}
	return ps
}

// CheckImage applies the API server's rules for an image volume source.
func CheckImage(reference, pullPolicy, at string) []results.Problem {
	var ps []results.Problem
	if strings.TrimSpace(reference) == "" {
		ps = append(ps, results.Problem{Path: at + ".reference", Message: "image reference must not be empty"})
	} else if strings.ContainsAny(reference, " \t\r\n") {
		ps = append(ps, results.Problem{Path: at + ".reference", Message: fmt.Sprintf("image reference %q must not contain white space", reference)})
	}
	switch corev1.PullPolicy(pullPolicy) {
	case "", corev1.PullAlways, corev1.PullIfNotPresent, corev1.PullNever:
	default:
		ps = append(ps, results.Problem{Path: at + ".pullPolicy", Message: fmt.Sprintf("pullPolicy %q is not one of Always, IfNotPresent, Never", pullPolicy)})
	}
	return ps
}

// CheckMounts applies Strimzi's /mnt rule (a plain prefix test, with its
// message) to template volume mounts at path, then rejects '..' segments and
// mounts of volumes the pod does not have, which Strimzi leaves to the kubelet
// and the API server.
func CheckMounts(mounts []corev1.VolumeMount, podVolumes []string, path string) []results.Problem {
	var ps []results.Problem
	have := setOf(podVolumes)
	for i, m := range mounts {
		at := fmt.Sprintf("%s[%d]", path, i)
		if !strings.HasPrefix(m.MountPath, AllowedMountPrefix) {
			ps = append(ps, results.Problem{Path: at + ".mountPath", Message: MsgForbiddenPath})
		} else if slices.Contains(strings.Split(m.MountPath, "/"), "..") {
			ps = append(ps, results.Problem{Path: at + ".mountPath", Message: fmt.Sprintf("mount path %q must not contain '..': it would escape /mnt", m.MountPath)})
		}
		if !have[m.Name] {
			ps = append(ps, results.Problem{Path: at + ".name", Message: fmt.Sprintf("mount refers to volume %q, which the pod does not have", m.Name)})
		}
	}
	return ps
}

func setOf(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}
