import './components/vega-chart.js';
import './components/kpi-tile.js';
import './si-app.js';
