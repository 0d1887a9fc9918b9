/*
 * The tests of the core in one jest file, for mutation runs (stryker.config.mjs). Jest loads a
 * test file's modules afresh for each file; in one file, each mutant's run loads the library
 * once instead of once per test file, which makes a mutation run several times faster.
 * `npm test` runs these files one by one as usual: this file does not match its pattern.
 *
 * The order matters. A mutant's run ends at its first failing test (bail-environment.js), so
 * the files run from the most pointed and cheapest to the broadest and slowest: the model's own
 * tests, then the messages and the validation rules, then the constructs, then the chain shapes
 * and settings, and last the few tests that build thousand-service chains or megabyte objects
 * (validation-robustness, object-size), which take a third of the suite's time. A mutant that a
 * cheap test kills never reaches them.
 */

// The routing plan and the model.
import '../routing-plan.test';
import '../model-edges.test';
import '../lane-gaps.test';
import '../chain-graph.test';

// Messages, paths, names and patterns.
import '../problems.test';
import '../json-pointer.test';
import '../name-syntax-messages.test';
import '../schema-errors.test';
import '../cookie-pattern-edges.test';
import '../cookie-pattern.test';

// The validation rules.
import '../validation-rules.test';
import '../validation-istio-rules.test';
import '../validation-settings.test';
import '../validation-warnings.test';
import '../shadowed-header-routes.test';
import '../header-controls.test';

// The constructs.
import '../building-blocks.test';
import '../adopted-workload.test';
import '../gateway-api-portability.test';
import '../chart-namespace.test';
import '../gateway-api.test';

// Whole chains: shapes, adoption, production settings.
import '../chain-shapes.test';
import '../adopt-workloads.test';
import '../production-settings.test';

// The slowest: long chains, values of every type, objects near the size limits.
import '../validation-robustness.test';
import '../object-size.test';
