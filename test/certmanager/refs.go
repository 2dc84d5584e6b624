package certmanager

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
)

// Ref is one read of a Secret: the key, or "" for the whole Secret, and
// who reads it. ViaAPI reads (config providers) need RBAC; kubelet reads
// (volumes, env) do not.
type Ref struct {
	Cluster, Namespace, Secret, Key string
	Optional                        bool
	ViaAPI                          bool
	// Readers are the pods' service accounts for ViaAPI reads.
	Readers []string
	From    string
}

func (r Ref) String() string {
	k := r.Key
	if k == "" {
		k = "(whole Secret)"
	}
	return fmt.Sprintf("Secret %s/%s key %s, read by %s", r.Namespace, r.Secret, k, r.From)
}

// PodTemplate is a pod spec found in a rendered object.
type PodTemplate struct {
	Owner     Object
	Namespace string
	Spec      corev1.PodSpec
}

// Pods finds every pod spec: Pods, StrimziPodSets' pods, Deployments,
// StatefulSets and Jobs.
func Pods(objs []Object) ([]PodTemplate, error) {
	var out []PodTemplate
	for _, o := range objs {
		var specs []corev1.PodSpec
		switch o.Kind {
		case "Pod":
			var p corev1.Pod
			if err := json.Unmarshal(o.JSON, &p); err != nil {
				return nil, fmt.Errorf("%s: %w", o, err)
			}
			specs = append(specs, p.Spec)
		case "StrimziPodSet":
			pods, _ := Get(o.Map, "spec", "pods").([]any)
			for _, raw := range pods {
				j, _ := json.Marshal(raw)
				var p corev1.Pod
				if err := json.Unmarshal(j, &p); err != nil {
					return nil, fmt.Errorf("%s: %w", o, err)
				}
				specs = append(specs, p.Spec)
			}
		case "Deployment":
			var d appsv1.Deployment
			if err := json.Unmarshal(o.JSON, &d); err != nil {
				return nil, fmt.Errorf("%s: %w", o, err)
			}
			specs = append(specs, d.Spec.Template.Spec)
		case "StatefulSet":
			var s appsv1.StatefulSet
			if err := json.Unmarshal(o.JSON, &s); err != nil {
				return nil, fmt.Errorf("%s: %w", o, err)
			}
			specs = append(specs, s.Spec.Template.Spec)
		case "Job":
			var j batchv1.Job
			if err := json.Unmarshal(o.JSON, &j); err != nil {
				return nil, fmt.Errorf("%s: %w", o, err)
			}
			specs = append(specs, j.Spec.Template.Spec)
		default:
			continue
		}
		for _, s := range specs {
			out = append(out, PodTemplate{Owner: o, Namespace: o.Namespace, Spec: s})
		}
	}
	return out, nil
}

func serviceAccount(s corev1.PodSpec) string {
	if s.ServiceAccountName != "" {
		return s.ServiceAccountName
	}
	return "default"
}

// strimziSecret is the reference KubernetesSecretConfigProvider resolves:
// ${strimzisecrets:<namespace>/<secret>:<key>}. The provider's name is the
// one the rendered config.providers gives it.
var strimziSecret = regexp.MustCompile(`\$\{strimzisecrets:([^/:}]+)/([^:}]+):([^}]+)\}`)

// SecretRefs lists every Secret read by a pod spec (volumes, projected
// volumes, env, envFrom) and by configuration in a ConfigMap a pod mounts
// (${strimzisecrets:...}), sorted.
func SecretRefs(objs []Object) ([]Ref, error) {
	pods, err := Pods(objs)
	if err != nil {
		return nil, err
	}
	var refs []Ref
	// ConfigMap (cluster/ns/name) -> service accounts of the pods mounting it.
	mounters := map[string][]string{}
	for _, p := range pods {
		from := p.Owner.String()
		add := func(secret, key string, optional *bool) {
			refs = append(refs, Ref{Cluster: p.Owner.Cluster, Namespace: p.Namespace, Secret: secret, Key: key,
				Optional: optional != nil && *optional, From: from})
		}
		for _, v := range p.Spec.Volumes {
			switch {
			case v.Secret != nil:
				if len(v.Secret.Items) == 0 {
					add(v.Secret.SecretName, "", v.Secret.Optional)
				}
				for _, it := range v.Secret.Items {
					add(v.Secret.SecretName, it.Key, v.Secret.Optional)
				}
			case v.Projected != nil:
				for _, src := range v.Projected.Sources {
					if src.Secret == nil {
						if src.ConfigMap != nil {
							k := p.Owner.Cluster + "/" + p.Namespace + "/" + src.ConfigMap.Name
							mounters[k] = append(mounters[k], serviceAccount(p.Spec))
						}
						continue
					}
					if len(src.Secret.Items) == 0 {
						add(src.Secret.Name, "", src.Secret.Optional)
					}
					for _, it := range src.Secret.Items {
						add(src.Secret.Name, it.Key, src.Secret.Optional)
					}
				}
			case v.ConfigMap != nil:
				k := p.Owner.Cluster + "/" + p.Namespace + "/" + v.ConfigMap.Name
				mounters[k] = append(mounters[k], serviceAccount(p.Spec))
			}
		}
		for _, c := range slices.Concat(p.Spec.InitContainers, p.Spec.Containers) {
			for _, e := range c.Env {
				if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
					add(e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key, e.ValueFrom.SecretKeyRef.Optional)
				}
			}
			for _, e := range c.EnvFrom {
				if e.SecretRef != nil {
					add(e.SecretRef.Name, "", e.SecretRef.Optional)
				}
			}
		}
		for _, s := range p.Spec.ImagePullSecrets {
			add(s.Name, "", nil)
		}
	}
	for _, o := range objs {
		if o.Kind != "ConfigMap" || o.APIVersion != "v1" {
			continue
		}
		data, _ := o.Map["data"].(map[string]any)
		keys := make([]string, 0, len(data))
		for k := range data {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			text, _ := data[k].(string)
			for _, m := range strimziSecret.FindAllStringSubmatch(text, -1) {
				readers := mounters[o.Cluster+"/"+o.Namespace+"/"+o.Name]
				slices.Sort(readers)
				refs = append(refs, Ref{Cluster: o.Cluster, Namespace: m[1], Secret: m[2], Key: m[3], ViaAPI: true,
					Readers: slices.Compact(readers), From: fmt.Sprintf("%s key %s", o, k)})
			}
		}
	}
	sort.SliceStable(refs, func(i, j int) bool {
		a, b := refs[i], refs[j]
		if a.Cluster != b.Cluster {
			return a.Cluster < b.Cluster
		}
		if a.Namespace != b.Namespace {
			return a.Namespace < b.Namespace
		}
		if a.Secret != b.Secret {
			return a.Secret < b.Secret
		}
		return a.Key < b.Key
	})
	return refs, nil
}

// SecretStore holds the Secrets of each cluster.
type SecretStore map[string]map[string]*corev1.Secret

// Add puts a Secret into a cluster; a second Secret of the same name is an
// error (two Certificates writing one Secret).
func (s SecretStore) Add(cluster string, sec *corev1.Secret) error {
	if s[cluster] == nil {
		s[cluster] = map[string]*corev1.Secret{}
	}
	k := sec.Namespace + "/" + sec.Name
	if _, dup := s[cluster][k]; dup {
		return fmt.Errorf("secret %s written twice in cluster %q", k, cluster)
	}
	s[cluster][k] = sec
	return nil
}

// Get finds a Secret.
func (s SecretStore) Get(cluster, namespace, name string) *corev1.Secret {
	return s[cluster][namespace+"/"+name]
}

// Resolve checks every reference against the Secrets and returns one
// message per reference that does not resolve: the Secret or key is
// missing, or (for API reads) no Role bound to the reader grants get on it.
func Resolve(objs []Object, refs []Ref, secrets SecretStore) []string {
	var missing []string
	for _, r := range refs {
		sec := secrets.Get(r.Cluster, r.Namespace, r.Secret)
		switch {
		case r.Optional:
		case sec == nil:
			missing = append(missing, r.String()+": no such Secret")
		case r.Key == TrustKey:
			if len(trustedCerts(sec)) == 0 {
				missing = append(missing, r.String()+": the Secret has no key ending in .crt")
			}
		case r.Key != "" && sec.Data[r.Key] == nil:
			missing = append(missing, r.String()+": the Secret has no such key")
		}
		if !r.ViaAPI {
			continue
		}
		if len(r.Readers) == 0 {
			missing = append(missing, r.String()+": no pod mounts the configuration")
		}
		for _, sa := range r.Readers {
			if !CanGetSecret(objs, r.Cluster, r.Namespace, sa, r.Secret) {
				missing = append(missing, fmt.Sprintf("%s: service account %s may not get it", r, sa))
			}
		}
	}
	return missing
}

// CanGetSecret reports whether a RoleBinding or ClusterRoleBinding in the
// cluster's rendered objects gives the service account get on the Secret in
// the namespace.
func CanGetSecret(objs []Object, cluster, namespace, sa, secret string) bool {
	roles := map[string][]rbacv1.PolicyRule{}
	for _, o := range objs {
		if o.Cluster != cluster || (o.Kind != "Role" && o.Kind != "ClusterRole") {
			continue
		}
		var r rbacv1.Role
		if json.Unmarshal(o.JSON, &r) != nil {
			continue
		}
		roles[o.Kind+"/"+o.Namespace+"/"+o.Name] = r.Rules
	}
	for _, o := range objs {
		if o.Cluster != cluster || (o.Kind != "RoleBinding" && o.Kind != "ClusterRoleBinding") {
			continue
		}
		if o.Kind == "RoleBinding" && o.Namespace != namespace {
			continue
		}
		var b rbacv1.RoleBinding
		if json.Unmarshal(o.JSON, &b) != nil {
			continue
		}
		bound := false
		for _, s := range b.Subjects {
			if s.Kind == "ServiceAccount" && s.Name == sa && s.Namespace == namespace {
				bound = true
			}
		}
		if !bound {
			continue
		}
		key := "ClusterRole//" + b.RoleRef.Name
		if b.RoleRef.Kind == "Role" {
			key = "Role/" + o.Namespace + "/" + b.RoleRef.Name
		}
		for _, rule := range roles[key] {
			if allows(rule, secret) {
				return true
			}
		}
	}
	return false
}

func allows(rule rbacv1.PolicyRule, secret string) bool {
	anyOf := func(list []string, want string) bool {
		return slices.Contains(list, want) || slices.Contains(list, "*")
	}
	return anyOf(rule.APIGroups, "") && anyOf(rule.Resources, "secrets") && anyOf(rule.Verbs, "get") &&
		(len(rule.ResourceNames) == 0 || slices.Contains(rule.ResourceNames, secret))
}
