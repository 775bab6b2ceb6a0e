/// <reference path="../pb_data/types.d.ts" />
// Saved case-simulation runs hold only what a real run holds: a case simulation and version
// the server knows, at one of its nodes or endings (src/learning-record/runs.ts).
const checkRun = (e) => {
  const store = require(`${__hooks}/lib/learning-store.js`);
  const problem = store.library().runProblem(
    { scenario: e.record.getString("scenario"), version: e.record.getInt("version"), snapshot: store.json(e.record).snapshot },
    store.facts(),
  );
  if (problem) {
    throw new BadRequestError(`This saved run cannot be stored: ${problem.field}: ${problem.reason}.`, {
      [problem.field]: new ValidationError("validation_run_rule", problem.reason),
    });
  }
  e.next();
};
onRecordCreateRequest(checkRun, "scenario_runs");
onRecordUpdateRequest(checkRun, "scenario_runs");
