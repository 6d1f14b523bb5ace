// Following a timetable's stream of changes, for the live page and the editor: the #connection element says whether
// it is live; on every change, onChange(proposalId or null); when the stream is ready (again), onReady().
window.CfpStream = (function () {
  'use strict';
  const KINDS = ['TalkScheduled', 'TalkRescheduled', 'TalkUnscheduled', 'TalkWaitlisted', 'ProposalConfirmed'];

  function follow(url, onChange, onReady) {
    const status = document.getElementById('connection');
    const stream = new EventSource(url);
    stream.onopen = () => { status.textContent = 'live'; status.className = 'online'; };
    stream.onerror = () => {
      status.textContent = 'reconnecting…';
      status.className = 'offline';
      // refused (too many streams) or gone: EventSource gives up then, so try again a little later
      if (stream.readyState === EventSource.CLOSED) setTimeout(() => follow(url, onChange, onReady), 10000);
    };
    const changed = event => {
      let proposalId = null;
      try { proposalId = JSON.parse(event.data).proposalId; } catch (e) { proposalId = null; }
      onChange(proposalId);
    };
    KINDS.forEach(kind => stream.addEventListener(kind, changed));
    stream.addEventListener('ready', onReady);
  }

  return { follow };
}());
