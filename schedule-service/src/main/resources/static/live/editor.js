// The timetable editor's grid (/{c}/timetable): the working timetable drawn over its blocks, rooms as columns and
// 5-minute rows. A talk, from the grid or the waitlist, is dragged with the pointer (mouse, pen or touch) to a free
// cell: the cell under the talk's top is its new start, the cell's column its room. The form under the grid does
// the same from the keyboard. Both post the move with the page's CSRF token; a refusal shows the timetable's reason.
// Changes made elsewhere arrive on the stream. All text goes in through textContent: titles and names are untrusted.
(function () {
  'use strict';
  const ROW_MINUTES = 5;
  const conference = encodeURIComponent(decodeURIComponent(location.pathname.split('/')[1]));
  const base = '/' + conference + '/timetable';
  const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  let current = null;
  let fresh = new Set();
  let drag = null;

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

  function say(text, refused) {
    const outcome = document.getElementById('outcome');
    outcome.textContent = text;
    outcome.className = refused ? 'refused' : 'moved';
  }

  function talks(timetable) {
    const placed = timetable.days.flatMap(d => d.rooms.flatMap(r => r.slots));
    return placed.concat(timetable.waitlist);
  }

  function draw(view) {
    current = view;
    const timetable = view.timetable;
    document.getElementById('scheduled').textContent = timetable.scheduled;
    document.getElementById('waitlisted').textContent = timetable.waitlist.length;
    const byDay = new Map();
    for (const block of view.blocks) {
      const date = block.start.slice(0, 10);
      if (!byDay.has(date)) byDay.set(date, { blocks: [], rooms: new Set(), slots: [] });
      byDay.get(date).blocks.push(block);
      byDay.get(date).rooms.add(block.room);
    }
    for (const day of timetable.days) {
      const date = String(day.date);
      if (!byDay.has(date)) byDay.set(date, { blocks: [], rooms: new Set(), slots: [] });
      for (const room of day.rooms) {
        byDay.get(date).rooms.add(room.name);
        room.slots.forEach(slot => byDay.get(date).slots.push(Object.assign({ room: room.name }, slot)));
      }
    }
    const days = document.getElementById('days');
    days.replaceChildren();
    for (const date of Array.from(byDay.keys()).sort()) {
      days.appendChild(drawDay(date, byDay.get(date)));
    }
    if (!byDay.size) days.appendChild(el('p', 'hint', 'No blocks yet: add one below, then drag talks into it.'));
    const waitlist = document.getElementById('waitlist');
    waitlist.replaceChildren(...timetable.waitlist.map(t => {
      const item = el('li', 'waiting' + (fresh.has(t.proposalId) ? ' fresh' : ''),
        t.title + ' (' + t.durationMinutes + ' min, ' + t.speakers.join(', ') + ')');
      item.dataset.id = t.proposalId;
      item.dataset.minutes = t.durationMinutes;
      item.addEventListener('pointerdown', e => startDrag(e, t, item));
      return item;
    }));
    if (!timetable.waitlist.length) waitlist.appendChild(el('li', 'hint', 'No talk is waiting for a slot.'));
    fillForm(view);
  }

  function drawDay(date, day) {
    const section = el('section', 'day');
    section.appendChild(el('h3', null, date));
    const rooms = Array.from(day.rooms).sort();
    const times = day.blocks.flatMap(b => [minutes(b.start), minutes(b.end)])
      .concat(day.slots.flatMap(s => [minutes(s.startLocal), minutes(s.endLocal)]));
    let first = Math.min(...times);
    let last = Math.max(...times);
    first -= first % 30; last += (30 - last % 30) % 30;
    const grid = el('div', 'grid editing');
    grid.style.gridTemplateColumns = '4rem repeat(' + rooms.length + ', minmax(9rem, 1fr))';
    grid.style.gridTemplateRows = '2rem repeat(' + (last - first) / ROW_MINUTES + ', 1.15rem)';
    rooms.forEach((room, i) => {
      const head = el('div', 'room', room);
      head.style.gridColumn = String(i + 2); head.style.gridRow = '1';
      grid.appendChild(head);
    });
    for (let m = first; m < last; m += 30) {
      const label = el('div', 'time', hhmm(m));
      label.style.gridColumn = '1';
      label.style.gridRow = (2 + (m - first) / ROW_MINUTES) + ' / span ' + (30 / ROW_MINUTES);
      grid.appendChild(label);
    }
    for (const block of day.blocks) {
      const column = String(rooms.indexOf(block.room) + 2);
      for (let m = minutes(block.start); m < minutes(block.end); m += ROW_MINUTES) {
        const at = date + 'T' + hhmm(m);
        const pause = block.breaks.some(b => minutes(b.start) <= m && m < minutes(b.end));
        const cell = el('div', 'cell ' + (pause ? 'break' : 'free'));
        cell.setAttribute('aria-hidden', 'true');
        cell.dataset.start = at;
        cell.dataset.room = block.room;
        cell.dataset.track = block.track;
        cell.style.gridColumn = column;
        cell.style.gridRow = String(2 + (m - first) / ROW_MINUTES);
        grid.appendChild(cell);
      }
    }
    for (const slot of day.slots) {
      const card = el('div', 'talk' + (fresh.has(slot.proposalId) ? ' fresh' : '') + (slot.confirmed ? ' confirmed' : ''));
      card.dataset.id = slot.proposalId;
      card.tabIndex = 0;
      card.style.gridColumn = String(rooms.indexOf(slot.room) + 2);
      card.style.gridRow = (2 + (minutes(slot.startLocal) - first) / ROW_MINUTES) + ' / span '
        + Math.max(1, slot.durationMinutes / ROW_MINUTES);
      card.appendChild(el('span', 'when', slot.startLocal.slice(11, 16) + '–' + slot.endLocal.slice(11, 16)));
      card.appendChild(el('strong', null, slot.title));
      card.appendChild(el('div', null, slot.speakers.join(', ')));
      card.title = slot.title + ' — ' + slot.speakers.join(', ') + ' (' + slot.room + ')';
      card.addEventListener('pointerdown', e => startDrag(e, slot, card));
      card.addEventListener('keydown', e => { if (e.key === 'Enter') choose(slot.proposalId); });
      grid.appendChild(card);
    }
    section.appendChild(grid);
    return section;
  }

  function startDrag(event, talk, node) {
    if (event.button !== 0) return;
    event.preventDefault();
    const rect = node.getBoundingClientRect();
    const cell = document.querySelector('.cell');
    const rowPx = cell ? cell.getBoundingClientRect().height : rect.height;
    const ghost = node.cloneNode(true);
    ghost.className = 'talk ghost';
    ghost.style.width = rect.width + 'px';
    ghost.style.left = rect.left + 'px';
    ghost.style.top = rect.top + 'px';
    document.body.appendChild(ghost);
    document.body.classList.add('dragging');
    drag = { talk, ghost, dx: event.clientX - rect.left, dy: event.clientY - rect.top,
      rows: node.classList.contains('talk') ? Math.floor((event.clientY - rect.top) / rowPx) : 0,
      x: event.clientX, y: event.clientY, moved: false };
  }

  function target(event) {
    const under = document.elementFromPoint(event.clientX, event.clientY);
    return under && under.closest('.cell');
  }

  document.addEventListener('pointermove', event => {
    if (!drag) return;
    drag.moved = drag.moved || Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 4;
    drag.ghost.style.left = (event.clientX - drag.dx) + 'px';
    drag.ghost.style.top = (event.clientY - drag.dy) + 'px';
    document.querySelectorAll('.cell.target').forEach(c => c.classList.remove('target'));
    const cell = target(event);
    if (cell) cell.classList.add('target');
  });

  document.addEventListener('pointerup', event => {
    if (!drag) return;
    const done = drag;
    drag = null;
    done.ghost.remove();
    document.body.classList.remove('dragging');
    document.querySelectorAll('.cell.target').forEach(c => c.classList.remove('target'));
    if (!done.moved) { choose(done.talk.proposalId); return; }
    const cell = target(event);
    if (!cell) { say('"' + done.talk.title + '" was not dropped on a block: nothing moved.', true); return; }
    const date = cell.dataset.start.split('T')[0];
    const start = date + 'T' + hhmm(Math.max(0, minutes(cell.dataset.start) - done.rows * ROW_MINUTES));
    move(done.talk, start, cell.dataset.room);
  });

  function move(talk, start, room) {
    return fetch(base + '/talks/' + encodeURIComponent(talk.proposalId), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [csrfHeader]: csrfToken },
      body: JSON.stringify({ start, room })
    }).then(r => r.json().then(body => ({ ok: r.ok, status: r.status, body }), () => ({ ok: false, status: r.status, body: {} })))
      .then(answer => {
        if (answer.ok) {
          fresh = new Set([talk.proposalId]);
          draw(answer.body);
          say('Moved "' + talk.title + '" to ' + room + ', ' + start.replace('T', ' ') + '.', false);
        } else {
          say('Not moved: ' + (answer.body.detail || 'the timetable answered ' + answer.status), true);
        }
      }, () => say('Not moved: the timetable could not be reached.', true));
  }

  function fillForm(view) {
    const talkSelect = document.getElementById('move-talk');
    const chosen = talkSelect.value;
    talkSelect.replaceChildren(...talks(view.timetable).map(t => {
      const option = el('option', null, t.title + ' (' + t.durationMinutes + ' min)');
      option.value = t.proposalId;
      return option;
    }));
    if (chosen) talkSelect.value = chosen;
    const roomSelect = document.getElementById('move-room');
    const room = roomSelect.value;
    const rooms = Array.from(new Set(view.blocks.map(b => b.room))).sort();
    roomSelect.replaceChildren(...rooms.map(r => { const o = el('option', null, r); o.value = r; return o; }));
    if (room) roomSelect.value = room;
  }

  function choose(proposalId) {
    document.getElementById('move-talk').value = proposalId;
    const slot = current && current.timetable.days.flatMap(d => d.rooms.flatMap(r => r.slots.map(s => [r.name, s])))
      .find(([, s]) => s.proposalId === proposalId);
    if (slot) {
      document.getElementById('move-room').value = slot[0];
      document.getElementById('move-start').value = slot[1].startLocal.slice(0, 16);
    }
    document.getElementById('move-start').focus();
  }

  document.getElementById('move-form').addEventListener('submit', event => {
    event.preventDefault();
    const id = document.getElementById('move-talk').value;
    const talk = talks(current.timetable).find(t => t.proposalId === id);
    if (talk) move(talk, document.getElementById('move-start').value, document.getElementById('move-room').value);
  });

  let pending = null;
  function refresh() {
    if (pending) return pending;
    pending = fetch(base + '.json', { headers: { Accept: 'application/json' } })
      .then(r => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(draw)
      .finally(() => { pending = null; });
    return pending;
  }

  function connect() {
    const status = document.getElementById('connection');
    const stream = new EventSource(base + '/stream');
    stream.onopen = () => { status.textContent = 'live'; status.className = 'online'; };
    stream.onerror = () => {
      status.textContent = 'reconnecting…';
      status.className = 'offline';
      if (stream.readyState === EventSource.CLOSED) setTimeout(connect, 10000);
    };
    const changed = event => {
      try { fresh = new Set([JSON.parse(event.data).proposalId]); } catch (e) { fresh = new Set(); }
      refresh();
    };
    ['TalkScheduled', 'TalkRescheduled', 'TalkUnscheduled', 'TalkWaitlisted', 'ProposalConfirmed'].forEach(t =>
      stream.addEventListener(t, changed));
    stream.addEventListener('ready', refresh);
  }

  refresh().then(connect, () => say('The working timetable could not be read.', true));
}());
