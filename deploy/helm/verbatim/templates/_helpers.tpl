{{/* The name of every object and the app.kubernetes.io/name label. */}}
{{- define "verbatim.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "verbatim.labels" -}}
app.kubernetes.io/name: {{ include "verbatim.name" . }}
app.kubernetes.io/part-of: verbatim
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The selector: the name label only, as in deploy/k8s. */}}
{{- define "verbatim.selector" -}}
app.kubernetes.io/name: {{ include "verbatim.name" . }}
{{- end -}}
