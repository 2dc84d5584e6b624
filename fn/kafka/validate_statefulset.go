package kafka

import (
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// statefulSetForm reports what workload StatefulSet cannot express: a pool
// whose node IDs have gaps, since a StatefulSet numbers its pods from one
// ordinal up, and template volumes that differ per node, since it has one
// pod template. A pool mixing deleteClaim values gets a warning: a
// StatefulSet has one claim retention policy.
func (v *validator) statefulSetForm(nps []nodepools.NodePool, nodes []nodepools.Node) {
	if v.cfg.Workload != config.WorkloadStatefulSet {
		return
	}
	for i, cr := range v.pools {
		var ids []string
		var pool []nodepools.Node
		for _, n := range nodes {
			if n.Pool == cr.Name {
				pool = append(pool, n)
				ids = append(ids, strconv.Itoa(n.ID))
			}
		}
		if !contiguous(pool) {
			v.errorf(cr.Name, "metadata.annotations",
				"node IDs %s of KafkaNodePool %s are not contiguous, and workload StatefulSet numbers a pool's pods from its first node ID up: "+
					"close the gap by removing nodes (%s) and adding them back at free IDs (%s), move the other nodes to another KafkaNodePool, or use workload Pod",
				strings.Join(ids, ", "), cr.Name, nodepools.AnnoRemoveNodeIDs, nodepools.AnnoNextNodeIDs)
		}
		t := mergeTemplates(templateOf(v.spec), cr.Spec.Template)
		for j, tv := range t.pod().TemplatedVolumes {
			if volumes.PerPod(tv) {
				owner := ""
				if t.FromPool(TmplPod) {
					owner = cr.Name
				}
				v.errorf(owner, t.Path(TmplPod)+".templatedVolumes["+strconv.Itoa(j)+"]",
					"volume %s differs per node ({nodeId} or {nodePodName}), which the one pod template of workload StatefulSet cannot express: "+
						"use one volume for all nodes, or workload Pod", tv.Name)
			}
		}
		v.mixedDeleteClaim(cr.Name, nps[i].Storage)
	}
}

func (v *validator) mixedDeleteClaim(pool string, s nodepools.Storage) {
	keep, del := false, false
	for _, vol := range s.AllVolumes() {
		if vol.Type == nodepools.StoragePersistentClaim {
			keep, del = keep || !vol.DeleteClaim, del || vol.DeleteClaim
		}
	}
	if keep && del {
		v.warnf(pool, "spec.storage", "some volumes set deleteClaim and others do not; a StatefulSet has one claim retention policy, "+
			"so workload StatefulSet keeps every claim of the pool when the pool is deleted or scaled down")
	}
}
