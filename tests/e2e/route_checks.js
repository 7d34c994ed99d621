// Run in the page by tests/e2e/test_every_route.py: what a person would notice is wrong on the
// screen at this width. Returns a list of problems, each a short sentence with the element.
(minTarget) => {
  const problems = [];
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.tagName.toLowerCase()}${cls}> « ${text} »`;
  };
  const shown = (el) => {
    if (el.closest('[inert], [aria-hidden="true"], dialog:not([open])')) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    const box = el.getBoundingClientRect();
    // visually hidden (1 px, clipped): their label is the target
    if (box.width <= 1 || box.height <= 1) return false;
    // outside the page (a skip link waiting for focus)
    if (box.bottom <= 0 || box.right <= 0) return false;
    return true;
  };

  // 1. nothing wider than the screen
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    const past = (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && getComputedStyle(el).position !== 'fixed';
    // the innermost elements that reach past the edge: the ones to fix
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => shown(el) && past(el) && ![...el.children].some((child) => shown(child) && past(child)))
      .slice(0, 3)
      .map(describe);
    problems.push(`horizontal overflow: ${root.scrollWidth} px in ${root.clientWidth} (${wide.join(', ')})`);
  }

  // 2. every target at least 44×44 (a checkbox or radio counts with its label; a link inside a
  //    sentence is exempt, as WCAG 2.5.5 says)
  const interactive = document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])',
  );
  for (const el of interactive) {
    if (!shown(el)) continue;
    if (el.disabled) continue;
    let target = el;
    if (el.matches('input[type="checkbox"], input[type="radio"], input[type="range"]')) {
      target = el.closest('label') || (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el;
    }
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      // in a sentence: the block around it says more than the link
      const block = el.parentElement && el.parentElement.closest('p, li, dd, td, span, label');
      if (block && block.textContent.trim().length > el.textContent.trim().length) continue;
    }
    const box = target.getBoundingClientRect();
    if (box.width < minTarget - 0.5 || box.height < minTarget - 0.5) {
      problems.push(`target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(el)}`);
    }
  }

  // 3. no text cut off without an ellipsis that is meant
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el)) continue;
    if (!el.textContent.trim() || el.matches('svg, svg *, img, input, textarea, select, canvas, video')) continue;
    const style = getComputedStyle(el);
    if (!['hidden', 'clip'].includes(style.overflowX) && !['hidden', 'clip'].includes(style.overflow)) continue;
    if (style.textOverflow === 'ellipsis' || (style.webkitLineClamp && style.webkitLineClamp !== 'none')) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text cut (${el.scrollWidth} px in ${el.clientWidth}): ${describe(el)}`);
    }
  }
  return problems;
}
