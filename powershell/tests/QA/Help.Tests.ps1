# Help quality for every exported command (Pester's own Help.Tests idea).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    Import-Module $ManifestPath -Force
    $script:commands = @(Get-Command -Module Orchestrator -CommandType Function | ForEach-Object {
            $help = Get-Help $_.Name -Full
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            @{
                Name       = $_.Name
                Help       = $help
                Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin $common })
            }
        })
    Remove-Module Orchestrator -Force
}

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
}

Describe 'Help of <Name>' -ForEach $commands {
    It 'has a synopsis' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -BeLike "*$Name*[<CommonParameters>]*"
    }

    It 'has a description of more than 40 characters' {
        ($Help.Description | Out-String).Trim().Length | Should -BeGreaterThan 40
    }

    It 'has at least one example with code and an explanation' {
        @($Help.Examples.Example).Count | Should -BeGreaterThan 0
        foreach ($example in @($Help.Examples.Example)) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $Parameters) {
            $entry = @($Help.Parameters.Parameter) | Where-Object Name -EQ $parameter
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'names its inputs, outputs and related links' {
        ($Help.inputTypes | Out-String).Trim() | Should -Not -BeNullOrEmpty
        ($Help.returnValues | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($Help.relatedLinks.navigationLink).Count | Should -BeGreaterThan 0
    }
}
