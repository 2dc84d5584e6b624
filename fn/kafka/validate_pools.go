package kafka

import (
	"fmt"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/pods"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// nodePools applies NodePoolUtils.validateNodePools and KafkaPool.fromCrd to
// the pools, and checks their templates against the pods they shape.
func (v *validator) nodePools() {
	if !slices.ContainsFunc(v.pools, func(p *strimzi.KafkaNodePool) bool { return nodePoolFrom(p).Replicas > 0 }) {
		// At the name the pools' strimzi.io/cluster label must give.
		v.errorf("", "metadata.name", "KafkaNodePools are enabled, but KafkaNodePools for Kafka cluster %s either don't exist or have 0 replicas. "+
			"Please make sure at least one KafkaNodePool resource exists, is in the same namespace as the Kafka resource, has at least one replica, "+
			"and has the strimzi.io/cluster label set to the name of the Kafka resource.", v.k.Name)
		return
	}
	invalid := func(pool, path, msg string) {
		v.errorf(pool, path, "The Kafka cluster %s is invalid: [%s]", v.k.Name, msg)
	}
	brokers, controllers := false, false
	for _, p := range v.pools {
		np := nodePoolFrom(p)
		switch {
		case p.Spec.Replicas == nil:
			v.errorf(p.Name, "spec.replicas", "spec.replicas is required")
		case *p.Spec.Replicas < 0:
			v.errorf(p.Name, "spec.replicas", "spec.replicas must not be negative, got %d", *p.Spec.Replicas)
		}
		if len(p.Spec.Roles) == 0 {
			invalid(p.Name, "spec.roles", fmt.Sprintf("KafkaNodePool %s has no role defined in .spec.roles", p.Name))
		}
		for i, r := range p.Spec.Roles {
			if r != nodepools.RoleBroker && r != nodepools.RoleController {
				v.errorf(p.Name, fmt.Sprintf("spec.roles[%d]", i), "role %q is not one of controller, broker", r)
			}
		}
		brokers = brokers || np.HasRole(nodepools.RoleBroker) && np.Replicas > 0
		controllers = controllers || np.HasRole(nodepools.RoleController) && np.Replicas > 0
		v.storage(p)
		for _, pr := range pods.CheckResources("spec.resources", p.Spec.Resources, "KafkaNodePool.spec.resources") {
			v.errorf(p.Name, pr.Path, "%s", pr.Message)
		}
	}
	// No one pool is at fault: the cluster as named lacks the role.
	if !brokers {
		invalid("", "metadata.name", "At least one KafkaNodePool with the broker role and at least one replica is required when KRaft mode is enabled")
	}
	if !controllers {
		invalid("", "metadata.name", "At least one KafkaNodePool with the controller role and at least one replica is required when KRaft mode is enabled")
	}
	if v.sizes() {
		v.nodeIDs()
	}
}

// nodeIDs reports a node ID in the status of two pools on the later pool,
// and pods whose names are too long for a hostname.
func (v *validator) nodeIDs() {
	seen := map[int]bool{}
	var nps []nodepools.NodePool
	for _, p := range v.pools {
		np := nodePoolFrom(p)
		np.RenderedNodeIDs = v.in.RenderedNodeIDs[p.Name]
		nps = append(nps, np)
		for _, id := range np.StatusNodeIDs {
			if seen[id] {
				v.errorf(p.Name, "status.nodeIds", "Found duplicate node ID %d in node pool %s", id, p.Name)
			}
			seen[id] = true
		}
	}
	as, err := nodepools.AssignNodeIDs(nps)
	if err != nil {
		return // reported above
	}
	nodes := nodepools.Nodes(v.k.Name, nps, as)
	for _, n := range nodes {
		if msgs := validation.IsDNS1123Label(n.Pod); len(msgs) > 0 {
			v.errorf(n.Pool, "metadata.name", "pod %s cannot be named so: %s; shorten the Kafka or KafkaNodePool name", n.Pod, strings.Join(msgs, "; "))
		}
	}
	v.poolTemplates(nps)
	v.statefulSetForm(nps, nodes)
	v.listenerNodes(nodes)
}

// storage applies StorageUtils' checks and the API server's quantity rules.
func (v *validator) storage(p *strimzi.KafkaNodePool) {
	if p.Spec.Storage == nil {
		v.errorf(p.Name, "spec.storage", "spec.storage is required")
		return
	}
	s := storageFrom(p.Spec.Storage)
	for _, pr := range s.Validate() {
		v.add(p.Name, pr)
	}
	at := func(i int) string {
		if s.JBOD() {
			return fmt.Sprintf("spec.storage.volumes[%d]", i)
		}
		return "spec.storage"
	}
	var shared []int
	for i, vol := range s.AllVolumes() {
		if vol.Size != "" {
			if _, err := resource.ParseQuantity(vol.Size); err != nil {
				v.errorf(p.Name, at(i)+".size", "%q is not a quantity", vol.Size)
			}
		}
		if vol.SizeLimit != "" {
			if _, err := resource.ParseQuantity(vol.SizeLimit); err != nil {
				v.errorf(p.Name, at(i)+".sizeLimit", "%q is not a quantity", vol.SizeLimit)
			}
		}
		if vol.KRaftMetadata == nodepools.KRaftMetadataShared {
			shared = append(shared, i)
		}
	}
	// Strimzi refuses several marked volumes only as a change to an existing
	// pool's storage (StorageDiff.checkTooManyKRaftMetadataVolumes), which it
	// then ignores as a whole; a new pool keeps the first marked volume
	// (VolumeUtils.kraftMetadataPath).
	if len(shared) > 1 {
		v.warnf(p.Name, at(shared[1])+".kraftMetadata",
			"several volumes are marked kraftMetadata: shared; the KRaft metadata log goes on the first, %s. The operator accepts this on a new pool only: "+
				"on a pool it already runs, it ignores every change to the storage and keeps the earlier one, so mark one volume",
			at(shared[0]))
	}
}

// poolTemplates checks each pool's effective templates, reporting problems
// on the resource the template field comes from.
func (v *validator) poolTemplates(nps []nodepools.NodePool) {
	m := &Model{spec: v.spec, tmpl: templateOf(v.spec)}
	for i, cr := range v.pools {
		t := mergeTemplates(m.tmpl, cr.Spec.Template)
		owner := func(field string) string {
			if t.FromPool(field) {
				return cr.Name
			}
			return ""
		}
		if t.Pod != nil {
			v.userMerged(owner(TmplPod), t.Path(TmplPod)+".metadata.labels", t.Pod.Metadata.Labels)
			v.userMerged(owner(TmplPod), t.Path(TmplPod)+".metadata.annotations", t.Pod.Metadata.Annotations)
			if s := t.Pod.TmpDirSizeLimit; s != "" {
				if _, err := resource.ParseQuantity(s); err != nil {
					v.errorf(owner(TmplPod), t.Path(TmplPod)+".tmpDirSizeLimit", "%q is not a quantity", s)
				}
			}
		}
		if t.PodSet != nil {
			v.additive(owner(TmplPodSet), t.Path(TmplPodSet)+".metadata.labels", t.PodSet.Metadata.Labels)
			v.userMerged(owner(TmplPodSet), t.Path(TmplPodSet)+".metadata.annotations", t.PodSet.Metadata.Annotations)
		}
		if t.PersistentVolumeClaim != nil {
			v.additive(owner(TmplPersistentVolumeClaim), t.Path(TmplPersistentVolumeClaim)+".metadata.labels", t.PersistentVolumeClaim.Metadata.Labels)
			v.userMerged(owner(TmplPersistentVolumeClaim), t.Path(TmplPersistentVolumeClaim)+".metadata.annotations", t.PersistentVolumeClaim.Metadata.Annotations)
		}
		if t.PerPodService != nil {
			v.userMerged(owner(TmplPerPodService), t.Path(TmplPerPodService)+".metadata.labels", t.PerPodService.Metadata.Labels)
			v.userMerged(owner(TmplPerPodService), t.Path(TmplPerPodService)+".metadata.annotations", t.PerPodService.Metadata.Annotations)
		}
		p := &Pool{Name: cr.Name, Storage: nps[i].Storage, Broker: nps[i].HasRole(nodepools.RoleBroker), Template: t}
		v.volumes(m, p, owner)
	}
}

// volumes checks template volumes against the pod's generated volumes, in
// Strimzi's order, and the container mounts against all of them.
func (v *validator) volumes(m *Model, p *Pool, owner func(string) string) {
	t := p.Template
	existing := m.GeneratedVolumes(p)
	pod := t.pod()
	podOwner, podPath := owner(TmplPod), t.Path(TmplPod)
	for _, pr := range volumes.CheckVolumes(pod.Volumes, existing, podPath+".volumes", false) {
		v.add(podOwner, pr)
	}
	for _, av := range pod.Volumes {
		existing = append(existing, av.Name)
	}
	for _, pr := range volumes.CheckVolumes(pod.TemplatedVolumes, existing, podPath+".templatedVolumes", true) {
		v.add(podOwner, pr)
	}
	for _, av := range pod.TemplatedVolumes {
		existing = append(existing, av.Name)
	}
	if c := t.KafkaContainer; c != nil {
		for _, pr := range volumes.CheckMounts(c.VolumeMounts, existing, t.Path(TmplKafkaContainer)+".volumeMounts") {
			v.add(owner(TmplKafkaContainer), pr)
		}
	}
	if c := t.InitContainer; c != nil && p.Broker && m.brokerInit() {
		for _, pr := range volumes.CheckMounts(c.VolumeMounts, existing, t.Path(TmplInitContainer)+".volumeMounts") {
			v.add(owner(TmplInitContainer), pr)
		}
	}
}

func templateOf(spec *strimzi.KafkaClusterSpec) strimzi.KafkaClusterTemplate {
	if spec == nil || spec.Template == nil {
		return strimzi.KafkaClusterTemplate{}
	}
	return *spec.Template
}
