/*
 * The dashboard's pages: each fetches the public APIs from the browser (same origin, session cookie, CSRF header on
 * changes) and draws with ECharts. Data is only ever put into the page as text, never as HTML.
 */
(function () {
  'use strict';

  const charts = {};
  window.aftercartCharts = charts; // the browser tests read the drawn series from here
  let pending = 0;

  // ---------- HTTP ----------

  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  async function api(path, options) {
    const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    init.headers = Object.assign({ Accept: 'application/json' }, init.headers);
    if (init.method && init.method !== 'GET') {
      Object.assign(init.headers, csrfHeaders());
      if (init.body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(init.body);
      }
    }
    const response = await fetch(path, init);
    let body = null;
    const text = await response.text();
    if (text) {
      try { body = JSON.parse(text); } catch (e) { body = null; }
    }
    return { status: response.status, ok: response.ok, body };
  }

  /** Loads one API answer; counts the load so the page can say when everything is drawn. */
  async function load(path) {
    pending++;
    try {
      return await api(path);
    } catch (e) {
      return { status: 0, ok: false, body: null };
    } finally {
      pending--;
      if (pending === 0) {
        setTimeout(() => { if (pending === 0) document.body.dataset.ready = 'true'; }, 50);
      }
    }
  }

  function problemText(result) {
    if (result.status === 0) return 'The server could not be reached.';
    if (result.body && result.body.detail) return result.body.detail;
    return 'The request failed (HTTP ' + result.status + ').';
  }

  // ---------- formatting ----------

  const day = 86400000;
  function isoDate(date) { return date.toISOString().slice(0, 10); }
  function daysFromToday(n) {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + n * day);
  }
  function num(value, digits) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) return '–';
    return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits === undefined ? 0 : digits,
      minimumFractionDigits: digits === undefined ? 0 : Math.min(digits, 2) });
  }
  function money(value, currency) {
    if (value === null || value === undefined) return '–';
    return num(value, 2) + (currency ? ' ' + currency : '');
  }
  function percent(value, digits) {
    if (value === null || value === undefined) return '–';
    return num(Number(value) * 100, digits === undefined ? 1 : digits) + ' %';
  }
  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '–';
  }

  // ---------- page states ----------

  function byId(id) { return document.getElementById(id); }

  function overlay(id, cssClass, text) {
    const element = byId(id);
    if (!element) return;
    let layer = element.querySelector('.overlay');
    if (!layer) {
      layer = document.createElement('div');
      layer.className = 'overlay';
      element.appendChild(layer);
    }
    layer.innerHTML = '';
    const span = document.createElement('span');
    span.className = cssClass;
    span.textContent = text;
    layer.appendChild(span);
  }
  function clearOverlay(id) {
    const layer = byId(id) && byId(id).querySelector('.overlay');
    if (layer) layer.remove();
  }
  function loadingChart(id) { overlay(id, 'loading', 'Loading…'); }
  function emptyChart(id, text) { overlay(id, 'empty', text); }
  function failedChart(id, result) { overlay(id, 'error', problemText(result)); }

  function state(id, cssClass, text) {
    const element = byId(id);
    if (!element) return;
    element.className = 'state ' + cssClass;
    element.textContent = text;
  }

  function draw(id, option) {
    clearOverlay(id);
    const element = byId(id);
    const chart = echarts.getInstanceByDom(element) || echarts.init(element);
    chart.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' } }, option), true);
    charts[id] = chart;
    return chart;
  }
  window.addEventListener('resize', () => Object.values(charts).forEach(chart => chart.resize()));

  function cell(row, text) {
    const td = document.createElement('td');
    if (text instanceof Node) td.appendChild(text); else td.textContent = text === null || text === undefined ? '–' : String(text);
    row.appendChild(td);
    return td;
  }
  function facts(id, pairs) {
    const list = byId(id);
    list.innerHTML = '';
    pairs.forEach(([label, value]) => {
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = value === null || value === undefined ? '–' : String(value);
      list.appendChild(dt); list.appendChild(dd);
    });
  }
  function button(text, onClick, secondary) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (secondary) b.className = 'secondary';
    b.addEventListener('click', onClick);
    return b;
  }

  const SEND_ORDERS = 'No orders yet. Send "Order Completed" events (POST /v1/track or /v1/batch with a write key).';

  // ---------- overview ----------

  function sumPeriods(periods, from, to) {
    const inRange = periods.filter(p => p.start >= from && p.start < to);
    const revenue = inRange.reduce((s, p) => s + Number(p.grossRevenue || 0), 0);
    const orders = inRange.reduce((s, p) => s + p.orders, 0);
    return { revenue, orders, aov: orders ? revenue / orders : null };
  }

  function tile(kpi, value, current, previous, higherIsBetter, format) {
    const element = document.querySelector('.tile[data-kpi="' + kpi + '"]');
    element.querySelector('.value').textContent = value;
    const delta = element.querySelector('.delta');
    if (current === null || current === undefined || previous === null || previous === undefined) {
      delta.textContent = 'no earlier period to compare';
      delta.className = 'delta';
      return;
    }
    const change = current - previous;
    const text = format(change);
    delta.textContent = (change >= 0 ? '▲ ' : '▼ ') + text + ' vs previous 30 days';
    const good = higherIsBetter ? change >= 0 : change <= 0;
    delta.className = 'delta ' + (change === 0 ? '' : good ? 'up' : 'down');
  }

  async function overview() {
    const end = daysFromToday(1);
    const mid = new Date(end.getTime() - 30 * day);
    const start = new Date(end.getTime() - 60 * day);
    const [from, split, to] = [isoDate(start), isoDate(mid), isoDate(end)];
    byId('period-label').textContent = 'last 30 days (' + split + ' to ' + isoDate(daysFromToday(0)) + ')';
    ['chart-revenue', 'chart-customers'].forEach(loadingChart);
    const range = (f, t) => 'from=' + f + '&to=' + t;
    const [daily, weekly, repeatNow, repeatBefore, nps, returnsNow, returnsBefore] = await Promise.all([
      load('/api/v1/kpis/orders?granularity=day&' + range(from, to)),
      load('/api/v1/kpis/orders?granularity=week&' + range(isoDate(new Date(end.getTime() - 182 * day)), to)),
      load('/api/v1/kpis/repeat-purchase?' + range(split, to)),
      load('/api/v1/kpis/repeat-purchase?' + range(from, split)),
      load('/api/v1/kpis/nps?granularity=day&' + range(from, to)),
      load('/api/v1/kpis/returns?by=period&' + range(split, to)),
      load('/api/v1/kpis/returns?by=period&' + range(from, split))
    ]);
    if (daily.ok) {
      const currency = daily.body.currency;
      const now = sumPeriods(daily.body.periods, split, to);
      const before = sumPeriods(daily.body.periods, from, split);
      const hadBefore = before.orders > 0;
      tile('revenue', money(now.revenue, currency), now.revenue, hadBefore ? before.revenue : null, true,
        c => money(Math.abs(c), currency));
      tile('orders', num(now.orders), now.orders, hadBefore ? before.orders : null, true, c => num(Math.abs(c)));
      tile('aov', money(now.aov, currency), now.aov, hadBefore ? before.aov : null, true,
        c => money(Math.abs(c), currency));
    }
    if (repeatNow.ok) {
      const before = repeatBefore.ok && repeatBefore.body.customers > 0 ? Number(repeatBefore.body.repeatRate) : null;
      const now = repeatNow.body.repeatRate === null ? null : Number(repeatNow.body.repeatRate);
      tile('repeat', percent(now), now, before, true, c => num(Math.abs(c) * 100, 1) + ' pts');
    }
    if (nps.ok) {
      const periods = nps.body.periods;
      const score = list => {
        const responses = list.reduce((s, p) => s + p.responses, 0);
        if (!responses) return null;
        return (list.reduce((s, p) => s + p.promoters, 0) - list.reduce((s, p) => s + p.detractors, 0)) * 100 / responses;
      };
      const now = score(periods.filter(p => p.start >= split));
      const before = score(periods.filter(p => p.start < split));
      tile('nps', now === null ? 'no responses' : num(now, 1), now, before, true, c => num(Math.abs(c), 1) + ' pts');
    }
    if (returnsNow.ok) {
      const rate = r => r.ok && r.body.total && r.body.total.valueReturnRate !== null ? Number(r.body.total.valueReturnRate) : null;
      tile('returns', percent(rate(returnsNow)), rate(returnsNow), rate(returnsBefore), false,
        c => num(Math.abs(c) * 100, 1) + ' pts');
    }
    if (!weekly.ok) {
      failedChart('chart-revenue', weekly); failedChart('chart-customers', weekly);
      return;
    }
    const periods = weekly.body.periods;
    if (!periods.length || periods.every(p => p.orders === 0)) {
      emptyChart('chart-revenue', SEND_ORDERS); emptyChart('chart-customers', SEND_ORDERS);
      return;
    }
    const weeks = periods.map(p => p.start);
    draw('chart-revenue', {
      legend: {}, grid: { left: 60, right: 60 },
      xAxis: { type: 'category', data: weeks },
      yAxis: [{ type: 'value', name: weekly.body.currency }, { type: 'value', name: 'orders' }],
      series: [
        { name: 'Revenue', type: 'bar', data: periods.map(p => Number(p.grossRevenue)) },
        { name: 'Orders', type: 'line', yAxisIndex: 1, data: periods.map(p => p.orders) }
      ]
    });
    draw('chart-customers', {
      legend: {}, xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value' },
      series: [
        { name: 'New', type: 'bar', stack: 'c', data: periods.map(p => p.newCustomers) },
        { name: 'Returning', type: 'bar', stack: 'c', data: periods.map(p => p.returningCustomers) }
      ]
    });
  }

  // ---------- retention ----------

  function heatmap(id, report, label) {
    const cohorts = report.cohorts;
    if (!cohorts.length) {
      emptyChart(id, SEND_ORDERS);
      return;
    }
    const maxPeriod = Math.max(...cohorts.map(c => c.periods.length)) - 1;
    const data = [];
    cohorts.forEach((cohort, y) => cohort.periods.forEach(p => {
      if (p.retention !== null) data.push([p.period, y, Math.round(Number(p.retention) * 1000) / 10]);
    }));
    const values = data.map(d => d[2]).filter(v => v !== null);
    draw(id, {
      tooltip: { position: 'top', formatter: p => cohorts[p.value[1]].start + ', month ' + p.value[0] + ': ' + p.value[2] + ' %' },
      grid: { left: 110, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', name: 'months since first order', nameLocation: 'middle', nameGap: 28,
        data: Array.from({ length: maxPeriod + 1 }, (_, i) => String(i)) },
      yAxis: { type: 'category', data: cohorts.map(c => c.start + ' (' + c.customers + ')'), inverse: true },
      visualMap: { min: 0, max: Math.max(1, ...values.filter((v, i) => data[i][0] > 0).concat([100])), calculable: true,
        orient: 'horizontal', left: 'center', bottom: 0, text: [label, ''], inRange: { color: ['#f4f8ff', '#2f6fdf'] } },
      series: [{ type: 'heatmap', data, label: { show: true, formatter: p => p.value[2] + '' } }]
    });
  }

  async function retention() {
    ['chart-cohort-customers', 'chart-cohort-revenue', 'chart-second-order'].forEach(loadingChart);
    const [customers, revenue, repeat] = await Promise.all([
      load('/api/v1/kpis/cohorts?granularity=month&metric=customers'),
      load('/api/v1/kpis/cohorts?granularity=month&metric=revenue'),
      load('/api/v1/kpis/repeat-purchase')
    ]);
    if (customers.ok) heatmap('chart-cohort-customers', customers.body, '% of customers'); else failedChart('chart-cohort-customers', customers);
    if (revenue.ok) heatmap('chart-cohort-revenue', revenue.body, '% of first-month revenue'); else failedChart('chart-cohort-revenue', revenue);
    if (!repeat.ok) { failedChart('chart-second-order', repeat); return; }
    const d = repeat.body.daysToSecondOrder;
    if (!d || !d.customers) {
      emptyChart('chart-second-order', 'No customer has ordered twice yet. Repeat "Order Completed" events for the same userId show here.');
      return;
    }
    draw('chart-second-order', {
      tooltip: {}, grid: { left: 120 },
      xAxis: { type: 'value', name: 'days' },
      yAxis: { type: 'category', data: ['25th percentile', 'median', '75th percentile'] },
      series: [{ type: 'bar', name: 'Days to second order', data: [d.p25, d.median, d.p75],
        label: { show: true, position: 'right', formatter: p => num(p.value, 1) + ' days' } }],
      title: { text: d.customers + ' customers ordered a second time; repeat rate ' + percent(repeat.body.repeatRate),
        textStyle: { fontSize: 12, fontWeight: 'normal' }, right: 10 }
    });
  }

  // ---------- experience ----------

  async function experience() {
    const ids = ['chart-nps', 'chart-returns-product', 'chart-returns-reason', 'chart-sentiment-aspect'];
    ids.forEach(loadingChart);
    const [nps, byProduct, sentiment] = await Promise.all([
      load('/api/v1/kpis/nps?granularity=week'),
      load('/api/v1/kpis/returns?by=product&limit=15'),
      load('/api/v1/kpis/sentiment?by=aspect')
    ]);
    if (!nps.ok) failedChart('chart-nps', nps);
    else if (!nps.body.periods.length) emptyChart('chart-nps', 'No survey answers yet. Send "NPS Survey Responded" events with a score from 0 to 10.');
    else draw('chart-nps', {
      legend: {}, grid: { left: 50, right: 60 },
      xAxis: { type: 'category', data: nps.body.periods.map(p => p.start) },
      yAxis: [{ type: 'value', name: 'NPS', min: -100, max: 100 }, { type: 'value', name: 'responses' }],
      series: [
        { name: 'NPS', type: 'line', data: nps.body.periods.map(p => p.nps === null ? null : Number(p.nps)) },
        { name: 'Responses', type: 'bar', yAxisIndex: 1, data: nps.body.periods.map(p => p.responses), itemStyle: { opacity: 0.35 } }
      ]
    });
    const sendReturns = 'No returns yet. Send "Product Returned" events (with products and a reason_code) after "Order Completed".';
    if (!byProduct.ok) {
      failedChart('chart-returns-product', byProduct); failedChart('chart-returns-reason', byProduct);
    } else {
      const rows = byProduct.body.rows.filter(r => r.itemsReturned > 0).slice(0, 15).reverse();
      if (!rows.length) emptyChart('chart-returns-product', sendReturns);
      else draw('chart-returns-product', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 160 },
        xAxis: { type: 'value', name: '% of units', axisLabel: { formatter: v => v + ' %' } },
        yAxis: { type: 'category', data: rows.map(r => r.key + (r.category ? ' · ' + r.category : '')) },
        series: [{ type: 'bar', name: 'Unit return rate', data: rows.map(r => r.unitReturnRate === null ? 0 : Math.round(Number(r.unitReturnRate) * 1000) / 10) }]
      });
      const reasons = byProduct.body.topReasons;
      if (!reasons.length) emptyChart('chart-returns-reason', sendReturns);
      else draw('chart-returns-reason', {
        tooltip: { trigger: 'item' }, legend: { orient: 'vertical', left: 0 },
        series: [{ type: 'pie', radius: ['35%', '70%'], center: ['60%', '50%'], name: 'Returns',
          data: reasons.map(r => ({ name: r.reasonCode, value: r.returns })) }]
      });
    }
    if (sentiment.status === 404) emptyChart('chart-sentiment-aspect', 'Sentiment is not available in this installation yet.');
    else if (!sentiment.ok) failedChart('chart-sentiment-aspect', sentiment);
    else if (!sentiment.body.groups.length) emptyChart('chart-sentiment-aspect', 'No texts scored yet. Send "Product Reviewed" events with a review_body, or NPS comments.');
    else {
      const groups = sentiment.body.groups.slice().sort((a, b) => a.meanCompound - b.meanCompound);
      draw('chart-sentiment-aspect', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 110 },
        xAxis: { type: 'value', min: -1, max: 1, name: 'mean compound' },
        yAxis: { type: 'category', data: groups.map(g => g.key + ' (' + g.count + ')') },
        series: [{ type: 'bar', name: 'Mean sentiment', data: groups.map(g => ({ value: Math.round(g.meanCompound * 1000) / 1000,
          itemStyle: { color: g.meanCompound >= 0 ? '#1b8a4a' : '#c0392b' } })) }]
      });
    }
  }

  // ---------- customers ----------

  async function customers() {
    const form = byId('customer-filters');
    const body = document.querySelector('#customer-table tbody');
    const more = byId('customers-more');
    let cursor = null;
    async function search(append) {
      const params = new URLSearchParams();
      new FormData(form).forEach((value, key) => { if (value && key !== 'customerId') params.set(key, value); });
      params.set('limit', '50');
      if (append && cursor) params.set('cursor', cursor);
      if (!append) body.innerHTML = '';
      state('customers-state', 'loading', 'Loading…');
      const result = await load('/api/v1/customers?' + params);
      if (!result.ok) { state('customers-state', 'error', problemText(result)); return; }
      result.body.profiles.forEach(p => {
        const row = document.createElement('tr');
        const link = document.createElement('a');
        link.href = '/customers/' + encodeURIComponent(p.customerId);
        link.textContent = p.customerId;
        cell(row, link);
        cell(row, p.orderCount);
        cell(row, money(p.netRevenue, p.currency));
        cell(row, when(p.lastOrderAt));
        cell(row, p.npsClass);
        cell(row, p.churnProbability === null ? '–' : percent(p.churnProbability, 0) + (p.atRisk ? ' · at risk' : ''));
        body.appendChild(row);
      });
      cursor = result.body.nextCursor;
      more.hidden = !cursor;
      state('customers-state', body.children.length ? '' : 'empty', body.children.length ? ''
        : 'No customer matches. Profiles appear once events with a userId arrive (identify, Order Completed, ...).');
    }
    form.addEventListener('submit', event => {
      event.preventDefault();
      const id = form.elements.customerId.value.trim();
      if (id) { window.location.href = '/customers/' + encodeURIComponent(id); return; }
      search(false);
    });
    more.addEventListener('click', () => search(true));
    await search(false);
  }

  async function customer() {
    const id = byId('customer-id').textContent;
    const base = '/api/v1/customers/' + encodeURIComponent(id);
    ['profile-state', 'prediction-state', 'timeline-state', 'recommendations-state'].forEach(s => state(s, 'loading', 'Loading…'));
    loadingChart('chart-prediction');
    const [profile, prediction, timeline, recommendations] = await Promise.all([
      load(base), load(base + '/predictions'), load(base + '/timeline?limit=200'), load(base + '/recommendations')
    ]);
    if (profile.ok) {
      const p = profile.body;
      state('profile-state', '', '');
      facts('profile', [
        ['First order', when(p.firstOrderAt)], ['Last order', when(p.lastOrderAt)],
        ['Days since last order', p.daysSinceLastOrder], ['Orders', p.orderCount],
        ['Net revenue', money(p.netRevenue, p.currency)], ['Average order value', money(p.averageOrderValue, p.currency)],
        ['Returns', p.returnCount + ' (' + percent(p.returnRateByValue) + ' of value)'],
        ['NPS', p.npsScore === null ? '–' : p.npsScore + ' (' + p.npsClass + ')'],
        ['Reviews', p.reviewCount + (p.meanRating === null ? '' : ', mean rating ' + num(p.meanRating, 1))],
        ['Mean sentiment', p.meanSentiment === null ? '–' : num(p.meanSentiment, 2)],
        ['Latest negative experience', p.latestNegativeExperience
          ? p.latestNegativeExperience.sourceType + (p.latestNegativeExperience.aspect ? ' about ' + p.latestNegativeExperience.aspect : '')
            + ' (' + when(p.latestNegativeExperience.time) + ')' : '–'],
        ['Support tickets', p.openTickets + ' open, ' + p.resolvedTickets + ' resolved'],
        ['Contact known', (p.hasEmail ? 'e-mail ' : '') + (p.hasPhone ? 'phone' : '') || 'none']
      ]);
    } else {
      state('profile-state', profile.status === 404 ? 'empty' : 'error', profile.status === 404
        ? 'No profile for this customer id: it appears with the first event that carries it as userId.' : problemText(profile));
    }
    if (prediction.ok && prediction.body.status === 'SCORED') {
      const q = prediction.body;
      state('prediction-state', '', '');
      facts('prediction', [
        ['P(alive)', percent(q.pAlive)], ['Churn probability', percent(q.churnProbability)],
        ['Expected purchases (' + q.horizonDays + ' days)', num(q.expectedPurchases, 2)],
        ['Expected next order', q.expectedNextOrderDate], ['At risk', q.atRisk ? 'yes' : 'no'],
        ['CLV (' + q.clvHorizonDays + ' days)', money(q.clv, q.currency) + ' (' + money(q.clvLow, q.currency) + ' – ' + money(q.clvHigh, q.currency) + ')'],
        ['Model version', q.modelVersion]
      ]);
      draw('chart-prediction', {
        tooltip: { trigger: 'item' }, grid: { left: 70, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: ['Past value', 'Predicted CLV'] },
        yAxis: { type: 'value', name: q.currency || '' },
        series: [
          { name: 'Past value', type: 'bar', data: [q.pastValue, null], barWidth: '40%' },
          // the predicted CLV as its interval: the box spans low to high, the line inside is the estimate
          { name: 'Predicted CLV', type: 'boxplot', data: [[], [q.clvLow, q.clvLow, q.clv, q.clvHigh, q.clvHigh]] }
        ]
      });
    } else {
      const text = prediction.status === 404 ? 'No prediction: the churn model knows no purchase of this customer yet.'
        : prediction.ok ? 'Not scored: ' + (prediction.body.reason || 'not enough data') : problemText(prediction);
      state('prediction-state', prediction.ok || prediction.status === 404 ? 'empty' : 'error', text);
      emptyChart('chart-prediction', text);
    }
    const rows = document.querySelector('#timeline tbody');
    if (timeline.ok) {
      timeline.body.events.slice().reverse().forEach(e => {
        const row = document.createElement('tr');
        cell(row, when(e.time)); cell(row, e.type);
        cell(row, e.details ? Object.entries(e.details).map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(', ') : '');
        rows.appendChild(row);
      });
      state('timeline-state', timeline.body.events.length ? '' : 'empty', timeline.body.events.length ? '' : 'No events yet.');
    } else {
      state('timeline-state', timeline.status === 404 ? 'empty' : 'error', timeline.status === 404 ? 'No events for this customer.' : problemText(timeline));
    }
    if (recommendations.ok && Array.isArray(recommendations.body && (recommendations.body.items || recommendations.body.recommendations))) {
      const items = recommendations.body.items || recommendations.body.recommendations;
      const list = byId('recommendations');
      items.forEach(item => {
        const li = document.createElement('li');
        li.textContent = (item.sku || item.productId || item.name || JSON.stringify(item)) + (item.score !== undefined ? ' (' + num(item.score, 2) + ')' : '');
        list.appendChild(li);
      });
      state('recommendations-state', items.length ? '' : 'empty', items.length ? '' : 'No recommendation for this customer yet.');
    } else {
      state('recommendations-state', 'empty', recommendations.status === 404 || recommendations.status === 0
        ? 'Recommendations are not available for this customer (yet).' : problemText(recommendations));
    }
    byId('show-contact').addEventListener('click', async () => {
      state('contact-state', 'loading', 'Loading…');
      const contact = await load(base + '/contact');
      if (contact.ok) {
        state('contact-state', '', '');
        facts('contact', [['E-mail', contact.body.email], ['Phone', contact.body.phone]]);
      } else {
        state('contact-state', 'error', problemText(contact));
      }
    });
  }

  // ---------- models ----------

  async function models() {
    loadingChart('chart-calibration');
    state('model-state', 'loading', 'Loading…');
    const result = await load('/api/v1/models/churn');
    if (result.status === 404) {
      state('model-state', 'empty', 'The churn model is not available in this installation yet.');
      emptyChart('chart-calibration', 'No model.');
      return;
    }
    if (!result.ok) { state('model-state', 'error', problemText(result)); failedChart('chart-calibration', result); return; }
    const model = result.body.current || result.body.latest;
    if (!model) {
      const text = 'No model fitted yet: it needs customers with repeat purchases. Send "Order Completed" events over time, then refit.';
      state('model-state', 'empty', text); emptyChart('chart-calibration', text);
      return;
    }
    state('model-state', '', '');
    const bg = model.purchaseModel || {};
    const gg = model.spendModel || {};
    facts('model-facts', [
      ['Version', model.version + (result.body.current ? ' (in use)' : ' (not usable)')], ['Status', model.status + (model.reason ? ': ' + model.reason : '')],
      ['Fitted at', when(model.fittedAt)], ['Data up to', model.dataCutoff],
      ['Customers', num(model.customers)], ['Repeat customers', num(model.repeatCustomers)],
      ['BG/NBD r, α, a, b', [bg.r, bg.alpha, bg.a, bg.b].map(v => num(v, 4)).join(', ')],
      ['BG/NBD log-likelihood', num(bg.logLikelihood, 1) + (bg.converged ? ' (converged)' : '')],
      ['Gamma-Gamma p, q, γ', gg.p === undefined ? (model.spendReason || '–') : [gg.p, gg.q, gg.gamma].map(v => num(v, 4)).join(', ')],
      ['At risk below P(alive)', percent(model.atRiskPAlive, 0) + ' with past value ≥ ' + num(model.atRiskValueThreshold, 2)],
      ['Fit time', num(model.fitMillis) + ' ms']
    ]);
    const buckets = model.calibration || [];
    if (!buckets.length) { emptyChart('chart-calibration', 'No calibration for this fit.'); return; }
    draw('chart-calibration', {
      legend: {}, xAxis: { type: 'category', name: 'repeat purchases', data: buckets.map(b => b.repeatPurchases) },
      yAxis: { type: 'value', name: 'customers' },
      series: [
        { name: 'Actual', type: 'bar', data: buckets.map(b => b.customers) },
        { name: 'Expected by the model', type: 'bar', data: buckets.map(b => Math.round(b.expectedCustomers * 10) / 10) }
      ]
    });
  }

  // ---------- pipeline ----------

  async function pipeline() {
    ['chart-ingest', 'chart-lag'].forEach(loadingChart);
    state('rejections-state', 'loading', 'Loading…');
    async function refresh() {
      const result = await load('/api/v1/pipeline/health');
      if (!result.ok) {
        failedChart('chart-ingest', result); failedChart('chart-lag', result);
        state('rejections-state', 'error', problemText(result));
        return;
      }
      const h = result.body;
      const latestRate = h.rate.length ? h.rate[h.rate.length - 1].eventsPerSecond : null;
      document.querySelector('#tile-events .value').textContent = num(h.events);
      document.querySelector('#tile-rate .value').textContent = latestRate === null ? 'measuring…' : num(latestRate, 1);
      document.querySelector('#tile-dlq .value').textContent = num(h.deadLetters);
      if (h.rate.length) {
        draw('chart-ingest', {
          legend: {}, xAxis: { type: 'time' }, yAxis: { type: 'value', name: 'per second' },
          series: [
            { name: 'Accepted events', type: 'line', showSymbol: false, data: h.rate.map(p => [p.at, Math.round(p.eventsPerSecond * 10) / 10]) },
            { name: 'Rejected events', type: 'line', showSymbol: false, data: h.rate.map(p => [p.at, Math.round(p.rejectionsPerSecond * 10) / 10]) }
          ]
        });
      } else {
        emptyChart('chart-ingest', 'Measuring: the rate appears after two samples, ten seconds apart.');
      }
      if (h.groups.length) {
        draw('chart-lag', {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 10, right: 90, containLabel: true },
          xAxis: { type: 'value', name: 'records behind' },
          yAxis: { type: 'category', data: h.groups.map(g => g.group) },
          series: [{ type: 'bar', name: 'Lag', data: h.groups.map(g => g.lag), label: { show: true, position: 'right' } }]
        });
      } else {
        emptyChart('chart-lag', 'No consumer group has committed yet.');
      }
      const rows = document.querySelector('#rejections tbody');
      rows.innerHTML = '';
      h.latestRejections.forEach(r => {
        const row = document.createElement('tr');
        cell(row, when(r.rejectedAt)); cell(row, r.reason); cell(row, r.path); cell(row, r.source);
        cell(row, r.detail === null ? '(analysts see details)' : r.detail);
        rows.appendChild(row);
      });
      state('rejections-state', h.latestRejections.length ? '' : 'empty', h.latestRejections.length ? ''
        : 'No rejected events: everything sent so far matched the event schemas.');
    }
    await refresh();
    setInterval(refresh, 10000);
  }

  // ---------- account and admin ----------

  async function account() {
    const rows = document.querySelector('#tokens tbody');
    async function list() {
      const result = await load('/api/v1/tokens');
      rows.innerHTML = '';
      (result.ok ? result.body : []).forEach(t => {
        const row = document.createElement('tr');
        cell(row, t.name); cell(row, when(t.createdAt)); cell(row, t.revokedAt ? when(t.revokedAt) : '–');
        cell(row, t.revokedAt ? '' : button('Revoke', async () => {
          await api('/api/v1/tokens/' + encodeURIComponent(t.id), { method: 'DELETE' }); list();
        }, true));
        rows.appendChild(row);
      });
    }
    byId('token-form').addEventListener('submit', async event => {
      event.preventDefault();
      const result = await api('/api/v1/tokens', { method: 'POST', body: { name: event.target.elements.name.value } });
      const shown = byId('new-token');
      shown.hidden = false;
      shown.textContent = result.ok ? 'Copy this token now, it is not shown again:\n' + result.body.token : problemText(result);
      list();
    });
    await list();
  }

  async function admin() {
    const users = document.querySelector('#users tbody');
    const keys = document.querySelector('#writekeys tbody');
    async function listUsers() {
      const result = await load('/api/v1/admin/users');
      users.innerHTML = '';
      (result.ok ? result.body : []).forEach(u => {
        const row = document.createElement('tr');
        cell(row, u.username); cell(row, u.role.toLowerCase()); cell(row, u.enabled ? 'yes' : 'no');
        cell(row, u.lockedUntil ? when(u.lockedUntil) : '–');
        cell(row, button(u.enabled ? 'Disable' : 'Enable', async () => {
          const r = await api('/api/v1/admin/users/' + encodeURIComponent(u.username), { method: 'PATCH', body: { enabled: !u.enabled } });
          state('user-state', r.ok ? '' : 'error', r.ok ? '' : problemText(r)); listUsers();
        }, true));
        users.appendChild(row);
      });
    }
    async function listKeys() {
      const result = await load('/api/v1/admin/write-keys');
      keys.innerHTML = '';
      (result.ok ? result.body : []).forEach(k => {
        const row = document.createElement('tr');
        cell(row, k.source); cell(row, k.createdBy); cell(row, when(k.createdAt)); cell(row, k.revokedAt ? when(k.revokedAt) : '–');
        cell(row, k.revokedAt ? '' : button('Revoke', async () => {
          await api('/api/v1/admin/write-keys/' + encodeURIComponent(k.id), { method: 'DELETE' }); listKeys();
        }, true));
        keys.appendChild(row);
      });
    }
    byId('user-form').addEventListener('submit', async event => {
      event.preventDefault();
      const f = event.target.elements;
      const result = await api('/api/v1/admin/users', { method: 'POST',
        body: { username: f.username.value, password: f.password.value, role: f.role.value } });
      state('user-state', result.ok ? 'notice' : 'error', result.ok ? 'User ' + result.body.username + ' added.' : problemText(result));
      if (result.ok) event.target.reset();
      listUsers();
    });
    byId('writekey-form').addEventListener('submit', async event => {
      event.preventDefault();
      const result = await api('/api/v1/admin/write-keys', { method: 'POST', body: { source: event.target.elements.source.value } });
      const shown = byId('new-writekey');
      shown.hidden = false;
      shown.textContent = result.ok ? 'Copy this write key now, it is not shown again:\n' + result.body.writeKey : problemText(result);
      listKeys();
    });
    document.querySelectorAll('[data-rebuild]').forEach(b => b.addEventListener('click', async () => {
      state('rebuild-state', 'loading', 'Working…');
      const result = await api(b.dataset.rebuild, { method: 'POST' });
      state('rebuild-state', result.ok ? 'notice' : 'error', result.ok ? 'Started: ' + b.textContent : problemText(result));
    }));
    await Promise.all([listUsers(), listKeys()]);
  }

  const pages = { overview, retention, experience, customers, customer, models, pipeline, account, admin };

  document.addEventListener('DOMContentLoaded', () => {
    const page = pages[document.body.dataset.page];
    if (!page) { document.body.dataset.ready = 'true'; return; }
    pending++;
    page().catch(e => { console.error(e); document.body.dataset.failed = String(e); }).finally(() => {
      pending--;
      if (pending === 0) document.body.dataset.ready = 'true';
    });
  });
})();
