/**
 * The one file of thresholds and prices the planner and the job driver read: the
 * {@code orchestrator.json} resource next to these classes, overridden field by field by a file
 * given with {@code --config}. Every strategy boundary, model tier rule, planning-mode trigger,
 * token rate, price and job timer lives there, none in code; each is validated once, on load,
 * with an error that names the field.
 */
package io.agentbus.orchestrator.config;
