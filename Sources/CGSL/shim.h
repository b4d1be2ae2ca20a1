// The parts of the GNU Scientific Library that fluxsim uses: random number
// generators, random distributions and order statistics.
#ifndef FLUXSIM_CGSL_SHIM_H
#define FLUXSIM_CGSL_SHIM_H
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#endif
