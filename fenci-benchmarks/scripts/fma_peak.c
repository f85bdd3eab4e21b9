// The machine's peak: build with gcc -O3 -funroll-loops -mavx2 -mfma fma_peak.c -o fma_peak (a reference measurement only, not part of fenci).
// FMA throughput: 12 independent 8-wide FMA chains; prints GFLOP/s of one thread.
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){
  __m256 a[12]; __m256 b=_mm256_set1_ps(0.999999f), c=_mm256_set1_ps(1e-7f);
  for(int i=0;i<12;i++) a[i]=_mm256_set1_ps((float)i);
  long iters=200000000;
  for(int rep=0;rep<5;rep++){
    double t0=now();
    for(long n=0;n<iters;n++){
      for(int i=0;i<12;i++) a[i]=_mm256_fmadd_ps(a[i],b,c);
    }
    double t=now()-t0;
    float s=0; for(int i=0;i<12;i++){float v[8];_mm256_storeu_ps(v,a[i]);s+=v[0];}
    printf("%.1f GFLOP/s (%.2f s, check %g)\n", iters*12.0*16/t/1e9, t, s);
  }
}
