// The on-call page (/services/<id>/on-call/): "minutes of impact so far" recomputes the decision guide's
// stance in the page. The page renders each SLO's budget left now (a share), its budget minutes and its
// place in the catalog, and the guide's thresholds, as data attributes; this module applies the guide's
// rule (stanceAfterImpact in src/lib/trends/decision-guide.ts) to them. The pure functions are exported
// so the unit tests can hold them to the library's, number for number.

/** @typedef {{ id: string, left: number, budgetMinutes: number, place: number }} SloNow */
/** @typedef {{ rollBackBelow: number, investigateFrom: number }} Thresholds */
/** @typedef {'roll-back' | 'prefer-roll-back' | 'investigate' | 'no-slo'} StanceKey */

var HARDNESS = ['investigate', 'prefer-roll-back', 'roll-back'];

/**
 * Minutes of full impact before an SLO's budget left falls below `threshold`; 0 when it already has.
 * @param {SloNow} slo @param {number} threshold
 */
export function minutesUntilBelow(slo, threshold) {
  return Math.max(0, Math.round((slo.left - threshold) * slo.budgetMinutes * 1e9) / 1e9);
}

/**
 * Whether the SLO is below `threshold` after `minutes` of full impact.
 * @param {SloNow} slo @param {number} minutes @param {number} threshold
 */
export function belowAfter(slo, minutes, threshold) {
  return slo.left < threshold || minutes > minutesUntilBelow(slo, threshold);
}

/**
 * The service's stance after `minutes` of full impact: each SLO's own stance, the hardest wins, and the
 * SLO deciding it is the one with the least share left among those (then fewer minutes left, then
 * catalog order). Returns the stance key, the deciding SLO's id and every SLO's share left.
 * @param {SloNow[]} slos @param {number} minutes @param {Thresholds} thresholds
 * @returns {{ key: StanceKey, sloId: string | undefined, left: Record<string, number> }}
 */
export function stanceAfter(slos, minutes, thresholds) {
  var after = slos.map(function (slo) {
    var key = belowAfter(slo, minutes, thresholds.rollBackBelow)
      ? 'roll-back'
      : belowAfter(slo, minutes, thresholds.investigateFrom)
        ? 'prefer-roll-back'
        : 'investigate';
    return { slo: slo, key: key, left: slo.left - minutes / slo.budgetMinutes };
  });
  var hardest = Math.max.apply(
    null,
    [-1].concat(
      after.map(function (a) {
        return HARDNESS.indexOf(a.key);
      }),
    ),
  );
  var deciding = after
    .filter(function (a) {
      return HARDNESS.indexOf(a.key) === hardest;
    })
    .sort(function (a, b) {
      return a.left - b.left || a.left * a.slo.budgetMinutes - b.left * b.slo.budgetMinutes || a.slo.place - b.slo.place;
    })[0];
  var left = {};
  after.forEach(function (a) {
    left[a.slo.id] = a.left;
  });
  return { key: deciding ? deciding.key : 'no-slo', sloId: deciding ? deciding.slo.id : undefined, left: left };
}

/**
 * A share as the site writes it: whole percent from 10%, one decimal below ("8.8%").
 * @param {number} share
 */
export function formatPercent(share) {
  var pct = share * 100;
  return (pct < 10 ? Math.round(pct * 10) / 10 : Math.round(pct)).toString() + '%';
}

/**
 * Budget left as the site writes it: "62%", "none", or "none (8% overspent)".
 * @param {number} left
 */
export function formatBudgetLeft(left) {
  if (left > 0) return formatPercent(left);
  return left === 0 ? 'none' : 'none (' + formatPercent(-left) + ' overspent)';
}

/**
 * Minutes as the site writes them: to the hundredth, to the thousandth below one ("43.2 min").
 * @param {number} minutes
 */
export function formatMinutes(minutes) {
  var places = Math.abs(minutes) < 1 ? 1000 : 100;
  return (Math.round(minutes * places) / places).toLocaleString('en-GB', { maximumFractionDigits: 3 }) + ' min';
}

/** Reads the page's numbers and wires the input; does nothing where there is no on-call form. */
function start() {
  var root = document.querySelector('[data-on-call]');
  var input = root && root.querySelector('[data-impact-minutes]');
  if (!root || !input) return;
  var thresholds = {
    rollBackBelow: Number(root.getAttribute('data-roll-back-below')),
    investigateFrom: Number(root.getAttribute('data-investigate-from')),
  };
  var stances = JSON.parse(root.getAttribute('data-stances') || '{}');
  var rows = Array.prototype.slice.call(root.querySelectorAll('[data-slo]'));
  var slos = rows.map(function (row) {
    return {
      id: row.getAttribute('data-slo'),
      left: Number(row.getAttribute('data-left')),
      budgetMinutes: Number(row.getAttribute('data-budget-minutes')),
      place: Number(row.getAttribute('data-place')),
    };
  });
  var names = {};
  rows.forEach(function (row) {
    names[row.getAttribute('data-slo')] = row.getAttribute('data-slo-name');
  });
  var stance = root.querySelector('[data-stance]');
  var advice = root.querySelector('[data-stance-advice]');
  var deciding = root.querySelector('[data-deciding]');
  var basis = root.querySelector('[data-stance-basis]');
  var problem = root.querySelector('[data-impact-problem]');

  function show() {
    var text = input.value.trim().replace(',', '.');
    var minutes = text === '' ? 0 : Number(text);
    var valid = Number.isFinite(minutes) && minutes >= 0;
    input.setAttribute('aria-invalid', valid ? 'false' : 'true');
    problem.hidden = valid;
    if (!valid) return;
    var result = stanceAfter(slos, minutes, thresholds);
    var words = stances[result.key] || { label: result.key, advice: '' };
    stance.textContent = words.label;
    stance.className = 'stance stance-' + result.key;
    advice.textContent = words.advice;
    if (result.sloId !== undefined) {
      deciding.textContent = names[result.sloId];
      var share = result.left[result.sloId];
      basis.textContent =
        minutes === 0
          ? formatBudgetLeft(share) + ' of its budget left now, from the written post-mortems.'
          : formatBudgetLeft(share) +
            ' of its budget left after ' +
            formatMinutes(minutes) +
            ' of full impact on top of the written post-mortems.';
    }
    rows.forEach(function (row) {
      var cell = row.querySelector('[data-left-after]');
      if (cell) cell.textContent = formatBudgetLeft(result.left[row.getAttribute('data-slo')]);
      row.classList.toggle('is-deciding', row.getAttribute('data-slo') === result.sloId);
    });
    root.setAttribute('data-current-stance', result.key);
  }

  root.querySelectorAll('[data-needs-script]').forEach(function (node) {
    node.hidden = false;
  });
  input.addEventListener('input', show);
  var form = input.form;
  if (form)
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      show();
    });
  show();
}

if (typeof document !== 'undefined') start();
