// A conference's timetable as a grid (rooms as columns, 5-minute rows). At /{c}/schedule: the public schedule, redrawn
// on every change the stream announces while the conference publishes LIVE, or its latest release under RELEASES. At
// /{c}/schedule/live: the working timetable, live (its organizers' under RELEASES). All text goes in through
// textContent: titles and names are untrusted.
(function () {
  'use strict';
  const ROW_MINUTES = 5;
  let lastFresh = new Set();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function minutes(local) {
    const t = local.split('T')[1];
    return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  }

  function hhmm(total) {
    return String(Math.floor(total / 60)).padStart(2, '0') + ':' + String(total % 60).padStart(2, '0');
  }

  function render(timetable) {
    document.getElementById('title').textContent = (timetable.conference || 'Live') + ' — timetable';
    document.getElementById('scheduled').textContent = timetable.scheduled;
    document.getElementById('waitlisted').textContent = timetable.waitlist.length;
    const days = document.getElementById('days');
    days.replaceChildren();
    for (const day of timetable.days) {
      const section = el('section', 'day');
      section.appendChild(el('h2', null, day.date));
      const slots = day.rooms.flatMap(r => r.slots);
      let first = slots.length ? Math.min(...slots.map(s => minutes(s.startLocal))) : 9 * 60;
      let last = slots.length ? Math.max(...slots.map(s => minutes(s.endLocal))) : first + 60;
      first -= first % 30; last += (30 - last % 30) % 30;
      const rows = (last - first) / ROW_MINUTES;
      const grid = el('div', 'grid');
      grid.style.gridTemplateColumns = '4rem repeat(' + day.rooms.length + ', minmax(9rem, 1fr))';
      grid.style.gridTemplateRows = '2rem repeat(' + rows + ', 1.15rem)';
      day.rooms.forEach((room, i) => {
        const head = el('div', 'room', room.name);
        head.style.gridColumn = String(i + 2); head.style.gridRow = '1';
        grid.appendChild(head);
      });
      for (let m = first; m < last; m += 30) {
        const label = el('div', 'time', hhmm(m));
        label.style.gridColumn = '1';
        label.style.gridRow = (2 + (m - first) / ROW_MINUTES) + ' / span ' + (30 / ROW_MINUTES);
        grid.appendChild(label);
      }
      day.rooms.forEach((room, i) => {
        for (const slot of room.slots) {
          const card = el('div', 'talk' + (lastFresh.has(slot.proposalId) ? ' fresh' : '')
            + (slot.confirmed ? ' confirmed' : ''));
          card.style.gridColumn = String(i + 2);
          const start = 2 + (minutes(slot.startLocal) - first) / ROW_MINUTES;
          card.style.gridRow = start + ' / span ' + Math.max(1, slot.durationMinutes / ROW_MINUTES);
          card.appendChild(el('span', 'when', slot.startLocal.slice(11, 16) + '–' + slot.endLocal.slice(11, 16)));
          card.appendChild(el('strong', null, slot.title));
          card.appendChild(el('div', null, slot.speakers.join(', ')));
          card.appendChild(el('span', 'confirmation', slot.confirmed ? '✓ confirmed' : 'not confirmed yet'));
          card.title = slot.title + ' — ' + slot.speakers.join(', ')
            + (slot.confirmed ? ' (confirmed)' : ' (not confirmed yet)');
          grid.appendChild(card);
        }
      });
      section.appendChild(grid);
      days.appendChild(section);
    }
    const waitlist = document.getElementById('waitlist');
    waitlist.replaceChildren(...timetable.waitlist.map(t =>
      el('li', null, t.title + ' (' + t.durationMinutes + ' min, ' + t.speakers.join(', ')
        + (t.confirmed ? ', confirmed' : '') + ')')));
  }

  // the page is /{c}/schedule or /{c}/schedule/live: the conference is the first segment of its path
  const conference = encodeURIComponent(decodeURIComponent(location.pathname.split('/')[1]));
  const api = '/api/conferences/' + conference + '/timetable';
  const working = /\/schedule\/live\/?$/.test(location.pathname);
  const source = working ? api : api + '/published';

  let pending = null;
  function refresh() {
    if (pending) return pending;
    pending = fetch(source, { headers: { Accept: 'application/json' } })
      .then(r => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(timetable => { render(timetable); return timetable; })
      .finally(() => { pending = null; });
    return pending;
  }

  function released(timetable) {
    const status = document.getElementById('connection');
    status.className = 'released';
    status.textContent = timetable.release
      ? 'release ' + timetable.release.version + ' of ' + new Date(timetable.release.releasedAt).toLocaleString()
      : 'no release yet';
  }

  function connect() {
    const status = document.getElementById('connection');
    const stream = new EventSource(api + '/stream');
    stream.onopen = () => { status.textContent = 'live'; status.className = 'online'; };
    stream.onerror = () => {
      status.textContent = 'reconnecting…';
      status.className = 'offline';
      // refused (too many streams) or gone: EventSource gives up then, so try again a little later
      if (stream.readyState === EventSource.CLOSED) setTimeout(connect, 10000);
    };
    const changed = event => {
      try { lastFresh = new Set([JSON.parse(event.data).proposalId]); } catch (e) { lastFresh = new Set(); }
      refresh();
    };
    ['TalkScheduled', 'TalkRescheduled', 'TalkUnscheduled', 'TalkWaitlisted', 'ProposalConfirmed'].forEach(t =>
      stream.addEventListener(t, changed));
    stream.addEventListener('ready', refresh);
  }

  refresh().then(timetable => {
    if (!working && timetable.publish === 'RELEASES') released(timetable);
    else connect();
  }, () => {
    const status = document.getElementById('connection');
    status.className = 'offline';
    status.textContent = working ? 'only the conference\'s organizers see its working timetable' : 'not available';
  });
}());
