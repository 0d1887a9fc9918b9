/*
 * The tests of the core in one jest file, for mutation runs (stryker.config.mjs). Jest loads a
 * test file's modules afresh for each file; in one file, each mutant's run loads the library
 * once instead of once per test file, which makes a mutation run several times faster.
 * `npm test` runs these files one by one as usual: this file does not match its pattern.
 */
import '../adopt-workloads.test';
import '../adopted-workload.test';
import '../building-blocks.test';
import '../chain-graph.test';
import '../chain-shapes.test';
import '../chart-namespace.test';
import '../cookie-pattern.test';
import '../cookie-pattern-edges.test';
import '../gateway-api.test';
import '../gateway-api-portability.test';
import '../header-controls.test';
import '../lane-gaps.test';
import '../model-edges.test';
import '../name-syntax-messages.test';
import '../production-settings.test';
import '../routing-plan.test';
import '../schema-errors.test';
import '../shadowed-header-routes.test';
import '../validation-istio-rules.test';
import '../validation-robustness.test';
import '../validation-rules.test';
import '../validation-settings.test';
import '../validation-warnings.test';
