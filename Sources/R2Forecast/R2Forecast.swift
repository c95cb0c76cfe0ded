// R2Forecast
