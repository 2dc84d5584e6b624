package connect

import (
	"fmt"

	"github.com/strimzi-render/strimzi-render/config"
	"github.com/strimzi-render/strimzi-render/fn/volumes"
)

// statefulSetForm reports template volumes that differ per worker, which
// the one pod template of workload StatefulSet cannot express.
func (v *validator) statefulSetForm() {
	if v.cfg.Workload != config.WorkloadStatefulSet || v.s.Template == nil || v.s.Template.Pod == nil {
		return
	}
	for i, tv := range v.s.Template.Pod.TemplatedVolumes {
		if volumes.PerPod(tv) {
			v.errorf(fmt.Sprintf("spec.template.pod.templatedVolumes[%d]", i),
				"volume %s differs per worker ({nodeId} or {nodePodName}), which the one pod template of workload StatefulSet cannot express: "+
					"use one volume for all workers, or workload Pod", tv.Name)
		}
	}
}
