/// <reference path="../pb_data/types.d.ts" />
// Assignments name a path that exists (the content's paths, _generated/learning-facts.cjs).
// Who may assign to whom is decided by the collection rules (pb_migrations/1764600000_onboarding.js).
onRecordCreateRequest((e) => {
  const facts = require(`${__hooks}/lib/learning-store.js`).facts();
  const path = e.record.getString("path");
  const known = facts.paths.map((p) => p.id);
  if (known.indexOf(path) < 0) {
    throw new BadRequestError(`There is no path "${path}". Choose one of: ${known.join(", ")}.`, {
      path: new ValidationError("validation_unknown_path", "unknown path"),
    });
  }
  e.next();
}, "assignments");
