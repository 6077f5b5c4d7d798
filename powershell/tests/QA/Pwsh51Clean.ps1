# A script Windows PowerShell 5.1 runs: the checker must report nothing here. It holds what
# looks like 7-only code but is not (comments, strings, 5.1 overloads), and each accepted guard.
# Not meant to be run; the '?' in 'a ? b', the '??' here and "x && y" are text, not operators.
Set-StrictMode -Version Latest
Add-Type -AssemblyName System.Net.Http

function Get-Sample {
    [CmdletBinding(SupportsShouldProcess)]
    param([ValidateNotNullOrEmpty()] [string] $Path = (Join-Path $env:TEMP 'sample'))

    $ordered = [ordered]@{ a = 1; b = 0x1F; c = 10L; d = 1.5e3; e = 2kb; f = 1d }
    $joined = [string]::Join(',', @('a', 'b'))
    $child = Join-Path -Path $Path -ChildPath 'x' -Resolve -ErrorAction SilentlyContinue
    $full = [System.IO.Path]::GetFullPath($Path)
    $text = Get-Content -LiteralPath $Path -Raw -Encoding UTF8
    $json = ConvertTo-Json -InputObject $ordered -Depth 5 -Compress
    $object = ConvertFrom-Json -InputObject $json
    $fixed = $text -replace 'a', 'b'
    $client = New-Object System.Net.Http.HttpClient
    $doubled = 1..3 | ForEach-Object -Process { $_ * 2 } | Where-Object { $_ -gt 2 }
    foreach ($item in $doubled) { Write-Verbose "item $item ?? 'x' && y" }
    Set-Content -LiteralPath $Path -Value $text -Encoding UTF8
    Remove-Item -LiteralPath $Path -Force -WhatIf

    # Edition guard on the left of -or: $IsWindows is only read on 7.
    $onWindows = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
    # Parameter probe around a 7-only parameter.
    if ((Get-Command -Name ConvertFrom-Json).Parameters.ContainsKey('DateKind')) {
        $object = ConvertFrom-Json -InputObject $json -DateKind String
    }
    else {
        $object = ConvertFrom-Json -InputObject $json
    }
    # Version guard with an else branch.
    if ($PSVersionTable.PSVersion.Major -ge 7) { $hash = ConvertFrom-Json -InputObject $json -AsHashtable } else { $hash = @{} }
    # Suppression with a reason.
    $bytes = Get-Content -LiteralPath $Path -AsByteStream # 5.1-fallback: only reached from the pwsh 7 lane
    [pscustomobject]@{ Joined = $joined; Child = $child; Full = $full; Fixed = $fixed; Client = $client; Windows = $onWindows; Object = $object; Hash = $hash; Bytes = $bytes }
}

function Test-SampleWindows {
    # Early return: below the guard only 7 runs.
    if ($PSVersionTable.PSEdition -ne 'Core') { return $true }
    return [bool]$IsWindows
}
